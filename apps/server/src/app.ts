import { workspaceTimeZone } from './modules/workspaces/time-zone';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from './platform/clock';
import type { Config } from './platform/config';
import type { Database } from './platform/db/client';
import type { FileStorage } from './platform/storage';
import { registerErrorHandler } from './platform/http/errors';
import { validatorCompiler } from './platform/http/validation';
import { registerAuth } from './platform/http/auth-hook';
import type { App } from './platform/http/types';
import { createServices, type Services } from './services';
import { authRoutes } from './modules/auth/auth.routes';
import { workspacesRoutes } from './modules/workspaces/workspaces.routes';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { filesRoutes } from './modules/files/files.routes';
import { platformsRoutes } from './modules/accounts/platforms.routes';
import { internalRoutes } from './modules/system/internal.routes';
import { contentRoutes } from './modules/content/content.routes';
import { publishingRoutes } from './modules/publishing/publishing.routes';
import { channelsRoutes } from './modules/notifications/channels.routes';
import { analyticsRoutes } from './modules/analytics/analytics.routes';
import type { Mailer } from './modules/notifications/mailer';
import type { SafeFetch } from './modules/publishing/connectors/ssrf';
import { assertPublicUrl, ConnectorError } from './modules/publishing/connectors';
import { invalid } from './platform/errors';
import type { ConnectorRegistry } from './modules/publishing/publishing.service';
import type { SecretBox } from './platform/secret-box';

export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  storage: FileStorage;
  /** The secret for the CLI's local endpoints (set by main when it holds the data-dir lock). */
  localToken?: () => string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app (off in tests). */
  serveWeb?: boolean;
  secretBox?: SecretBox;
  connectors?: ConnectorRegistry;
  /** Replaces the SMTP mailer (tests); null turns email off. */
  mailer?: Mailer | null;
  /** Replaces the sender of event webhooks (tests). */
  eventFetch?: SafeFetch;
  /** The process's services, shared with its job worker (built here when absent, as in tests). */
  services?: Services;
};

export type RouteInfo = {
  method: string;
  url: string;
  public: boolean;
  permission?: string;
  local: boolean;
};

/** Builds the HTTP app: plugins, auth, every module's routes. Tests call this too. */
export async function buildApp(
  deps: AppDeps,
): Promise<{ app: App; services: Services; routes: RouteInfo[] }> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // One line per request is noise on an operator's terminal; LOG_LEVEL=debug brings it back.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(config.logLevel),
    }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: r.url,
        public: Boolean(r.config?.public),
        permission: r.config?.permission,
        local: Boolean(r.config?.local),
      });
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Yunce API',
        version: '1',
        description:
          'REST API of Yunce. Authenticate with the session cookie (browser; send the CSRF token in `x-csrf-token` on writes) or with a workspace API token: `Authorization: Bearer yk_…`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const services = deps.services ?? createServices(deps);
  registerAuth(app, {
    resolveSession: (t) => services.auth.resolveSession(t),
    resolveToken: (s) => services.apiTokens.resolveToken(s),
    findRole: (w, u) => services.workspaces.findRole(w, u),
    localToken: () => deps.localToken?.(),
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'The database answers',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable'), error: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await deps.database.executeSql('SELECT 1', []);
        return { status: 'ready' as const, database: deps.database.kind };
      } catch (err) {
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, error: (err as Error).message });
      }
    },
  );

  authRoutes(app, {
    auth: services.auth,
    cookieSecure: config.cookieSecure,
    allowSignUp: config.allowSignUp,
  });
  workspacesRoutes(app, { workspaces: services.workspaces, auth: services.auth });
  apiTokensRoutes(app, { apiTokens: services.apiTokens });
  auditRoutes(app, { database: deps.database });
  accountsRoutes(app, { accounts: services.accounts });
  filesRoutes(app, { files: services.files });
  platformsRoutes(app);
  publishingRoutes(app, {
    publishing: services.publishing,
    notifications: services.notifications,
    today: services.today,
    validateWebhookUrl: async (url) => {
      try {
        await assertPublicUrl(url, { allowPrivateHosts: config.webhookAllowHosts });
      } catch (err) {
        if (err instanceof ConnectorError) throw invalid('settings.url', err.message);
        throw err;
      }
    },
  });
  channelsRoutes(app, { channels: services.channels });
  analyticsRoutes(app, {
    imports: services.imports,
    queries: services.analytics,
    goals: services.goals,
    insights: services.insights,
    timeZoneOf: (workspaceId) => workspaceTimeZone(deps.database.db, workspaceId),
  });
  contentRoutes(app, {
    content: services.content,
    approval: services.approval,
    settings: services.contentSettings,
  });
  internalRoutes(app, { services, database: deps.database, clock: deps.clock });

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = deps.serveWeb !== false && fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    // API paths and missing files (say a stale /assets/*.js) get a real 404, not the app's HTML.
    if (pathname.startsWith('/api/') || req.method !== 'GET' || /\.[a-z0-9]+$/i.test(pathname)) {
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` },
      });
    }
    if (!hasWeb) {
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build` (or `npm start`, which builds it).');
    }
    // Client-side routes: every other GET gets the single-page app.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  return { app, services, routes };
}
