import type { AppDeps } from './app';
import type { Config } from './platform/config';
import { invalid } from './platform/errors';
import {
  createSecretBox,
  loadOrCreateLocalKey,
  parseSecretKey,
  type SecretBox,
} from './platform/secret-box';
import {
  createPublishingService,
  type ConnectorRegistry,
} from './modules/publishing/publishing.service';
import { createNotificationsService } from './modules/publishing/notifications.service';
import { createTodayService } from './modules/publishing/today.service';
import { createConnectorRegistry } from './modules/publishing/connectors';
import { createAuthService } from './modules/auth/auth.service';
import { createWorkspacesService } from './modules/workspaces/workspaces.service';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service';
import { createFilesService } from './modules/files/files.service';
import { createAccountsService } from './modules/accounts/accounts.service';
import { createContentSettingsService } from './modules/content/content.settings';
import { createContentService } from './modules/content/content.service';
import { createApprovalService } from './modules/content/content.approval';
import { createChannelsService } from './modules/notifications/channels.service';
import { createImportsService } from './modules/analytics/analytics.imports';
import { createAnalyticsQueries } from './modules/analytics/analytics.queries';
import { createGoalsService } from './modules/analytics/goals.service';
import { createInsightsService } from './modules/analytics/analytics.insights';
import { addDays, recommendSlots, zonedDate } from '@yunce/core';
import { createSmtpMailer } from './modules/notifications/mailer';

export type ServiceDeps = Pick<
  AppDeps,
  'config' | 'database' | 'clock' | 'storage' | 'mailer' | 'eventFetch'
> & {
  secretBox?: SecretBox;
  connectors?: ConnectorRegistry;
};

/** A box that refuses to store secrets: PostgreSQL deployments must set YUNCE_SECRET_KEY first. */
const noKeyBox: SecretBox = {
  seal() {
    throw invalid(
      'secrets',
      'the server has no YUNCE_SECRET_KEY, so it cannot store connector secrets',
    );
  },
  open() {
    throw new Error('YUNCE_SECRET_KEY is not set; stored connector secrets cannot be read');
  },
};

/** The key from YUNCE_SECRET_KEY, or for the embedded setup one kept in the data folder. */
export function secretBoxFor(config: Config): SecretBox {
  if (config.secretKey) return createSecretBox(parseSecretKey(config.secretKey));
  if (!config.databaseUrl) return createSecretBox(loadOrCreateLocalKey(config.dataDir));
  return noKeyBox;
}

/** Wires every module's service from the shared dependencies; used by the app, jobs and CLI. */
export function createServices(deps: ServiceDeps) {
  const { database, clock, config, storage } = deps;
  const workspaces = createWorkspacesService({ database, clock, publicUrl: config.publicUrl });
  const auth = createAuthService({ database, clock, config, workspaces });
  const apiTokens = createApiTokensService({ database, clock });
  const files = createFilesService({ database, clock, storage });
  const accounts = createAccountsService({ database, clock, files });
  const contentSettings = createContentSettingsService({ database, clock });
  const content = createContentService({ database, clock, settings: contentSettings, files });
  const approval = createApprovalService({ database, clock, settings: contentSettings });
  // The job queue starts after the services (its handlers need them), so enqueueing is bound late.
  let enqueue: (publicationId: string, at: Date) => Promise<void> = () => Promise.resolve();
  let sendJob: (queue: string, data: { importId: string }) => Promise<void> = () =>
    Promise.resolve();
  const queries = createAnalyticsQueries({ database });
  const secrets = deps.secretBox ?? secretBoxFor(config);
  const publishing = createPublishingService({
    database,
    clock,
    storage,
    secrets,
    connectors:
      deps.connectors ?? createConnectorRegistry({ allowPrivateHosts: config.webhookAllowHosts }),
    enqueue: (id, at) => enqueue(id, at),
    catchUpMinutes: config.catchUpMinutes,
    publicUrl: config.publicUrl,
    // The account's own best hours over the last half year of its posts, once it has enough.
    bestSlots: async (workspaceId, accountId, timeZone) => {
      const today = zonedDate(clock.now(), timeZone);
      const from = addDays(today, -182);
      const heat = await queries.heatmapOf(
        { workspaceId, from, to: today, accountIds: [accountId], platform: null },
        timeZone,
      );
      return recommendSlots(heat, { top: 5 }).slots.map((s) => ({
        weekday: s.weekday,
        hour: s.hour,
      }));
    },
  });
  const notifications = createNotificationsService({ database });
  const mailer =
    deps.mailer !== undefined
      ? deps.mailer
      : config.smtpUrl
        ? createSmtpMailer(config.smtpUrl, config.mailFrom)
        : null;
  const channels = createChannelsService({
    database,
    clock,
    secrets,
    mailer,
    publicUrl: config.publicUrl,
    ssrf: { allowPrivateHosts: config.webhookAllowHosts },
    ...(deps.eventFetch ? { fetchImpl: deps.eventFetch } : {}),
  });
  const imports = createImportsService({
    database,
    clock,
    storage,
    sendJob: (queue, data) => sendJob(queue, data),
  });
  const goals = createGoalsService({ database, clock, queries });
  const insights = createInsightsService({ database, clock, queries, goals });
  const today = createTodayService({ database, clock, publishing, contentSettings });
  return {
    workspaces,
    auth,
    apiTokens,
    files,
    accounts,
    contentSettings,
    content,
    approval,
    publishing,
    notifications,
    channels,
    today,
    imports,
    analytics: queries,
    goals,
    insights,
    /** Called once the job queue runs. */
    setEnqueue(fn: typeof enqueue) {
      enqueue = fn;
    },
    /** Called once the job queue runs: how services queue background work. */
    setSendJob(fn: typeof sendJob) {
      sendJob = fn;
    },
  };
}

export type Services = ReturnType<typeof createServices>;
