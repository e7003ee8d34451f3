import path from 'node:path';
import { z } from 'zod';

const ZBoolEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  YUNCE_DATA_DIR: z.string().min(1).default('./.yunce'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  YUNCE_STORAGE_DIR: z.string().min(1).optional(),
  YUNCE_PUBLIC_URL: z.url().optional(),
  YUNCE_COOKIE_SECURE: ZBoolEnv.optional(),
  YUNCE_DEMO: ZBoolEnv.optional(),
  YUNCE_ALLOW_SIGNUP: ZBoolEnv.optional(),
  YUNCE_SECRET_KEY: z.string().min(32).optional(),
  YUNCE_PUBLISH_CATCH_UP_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(30),
  YUNCE_WEBHOOK_ALLOW_HOSTS: z.string().default(''),
  YUNCE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'expected smtp://… or smtps://…')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  YUNCE_MAIL_FROM: z.string().min(3).default('运策 Yunce <yunce@localhost>'),
  YUNCE_SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24 * 7),
  YUNCE_SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(30),
  YUNCE_TRUST_PROXY: ZBoolEnv.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  storageDir: string;
  publicUrl: string;
  cookieSecure: boolean;
  /** Create the demo workspace on a first start with an empty database. */
  demoOnFirstStart: boolean;
  /** Anyone may sign up and create a workspace; when false, only with an invitation. */
  allowSignUp: boolean;
  /** 32-byte key for connector secrets; the embedded setup keeps one in the data folder. */
  secretKey: string | undefined;
  /** Default catch-up window: a post late by more than this after downtime waits for a person. */
  catchUpMinutes: number;
  /** Private hosts an admin allows as webhook targets (exact names, comma-separated). */
  webhookAllowHosts: string[];
  /** SMTP server for email notifications; none means email channels cannot be added. */
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  trustProxy: boolean;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  webDistDir: string;
};

/** Parses the environment once; a bad value stops the start with the variable's name and problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.YUNCE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    storageDir: path.resolve(e.YUNCE_STORAGE_DIR ?? path.join(dataDir, 'files')),
    publicUrl: (e.YUNCE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    cookieSecure: e.YUNCE_COOKIE_SECURE ?? e.YUNCE_PUBLIC_URL?.startsWith('https://') ?? false,
    demoOnFirstStart: e.YUNCE_DEMO ?? !e.DATABASE_URL,
    allowSignUp: e.YUNCE_ALLOW_SIGNUP ?? true,
    secretKey: e.YUNCE_SECRET_KEY,
    catchUpMinutes: e.YUNCE_PUBLISH_CATCH_UP_MINUTES,
    webhookAllowHosts: e.YUNCE_WEBHOOK_ALLOW_HOSTS.split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    smtpUrl: e.YUNCE_SMTP_URL,
    mailFrom: e.YUNCE_MAIL_FROM,
    sessionIdleMs: e.YUNCE_SESSION_IDLE_HOURS * 3600_000,
    sessionMaxMs: e.YUNCE_SESSION_MAX_DAYS * 86_400_000,
    trustProxy: e.YUNCE_TRUST_PROXY ?? false,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(import.meta.dirname, '../../../web/dist'),
  };
}
