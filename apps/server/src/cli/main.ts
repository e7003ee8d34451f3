import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type Config } from '../platform/config';
import { DataDirLockedError, readLiveLock } from '../platform/db/lock';
import { openConfiguredDatabase } from '../platform/db/open';
import { migrate } from '../platform/db/migrate';
import { systemClock } from '../platform/clock';
import { createLocalStorage } from '../platform/storage';
import { LOCAL_TOKEN_HEADER } from '../platform/http/auth-hook';
import { createServices } from '../services';
import { listAllAccounts, type AccountListing } from '../modules/accounts/accounts.admin';
import { ensureDemo, type DemoLogin } from '../modules/system/demo';
import { announceDemoLogin, start, type Role } from '../main';
import { defaultEngine } from '@yunce/core';
import { PLATFORMS, type TImportSummary, type TPlatform } from '@yunce/contracts';
import { DomainError } from '../platform/errors';
import fs from 'node:fs';

class CliError extends Error {}

/** The running server refused the request (e.g. a file that cannot be imported). */
class ServerRefusal extends CliError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

/** When a live server holds the embedded database, the CLI asks it instead of opening the files. */
async function askServer<T>(
  cfg: Config,
  method: 'GET' | 'POST',
  path: string,
  body: unknown = {},
): Promise<T | undefined> {
  if (cfg.databaseUrl) return undefined;
  const lock = readLiveLock(cfg.dataDir);
  if (!lock) return undefined;
  if (!lock.port || !lock.localToken) {
    throw new CliError(
      `The data folder ${cfg.dataDir} is held by another Yunce process (pid ${lock.pid}) that is not serving HTTP. ` +
        `Stop it first, or run on PostgreSQL (DATABASE_URL) to use several processes at once.`,
    );
  }
  const res = await fetch(`http://127.0.0.1:${lock.port}${path}`, {
    method,
    headers: {
      [LOCAL_TOKEN_HEADER]: lock.localToken,
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
  }).catch((err: unknown) => {
    throw new CliError(
      `The running server (pid ${lock.pid}, port ${lock.port}) did not answer: ${(err as Error).message}`,
    );
  });
  if (!res.ok) {
    const text = await res.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
    } catch {
      // Not JSON: show the text.
    }
    throw new ServerRefusal(res.status, message);
  }
  return (await res.json()) as T;
}

/** Opens the database for one command and closes it after. */
async function withDatabase<T>(
  cfg: Config,
  fn: (opened: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
): Promise<T> {
  let opened;
  try {
    opened = await openConfiguredDatabase(cfg);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(err.message);
    throw err;
  }
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

function parseRole(value: string): Role {
  if (value === 'web' || value === 'worker' || value === 'all') return value;
  throw new InvalidArgumentError('must be web, worker or all');
}

function parsePort(value: string): string {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number 0–65535');
  return value;
}

const program = new Command()
  .name('yunce')
  .description(
    '运策 Yunce — operations workbench for social accounts and communities.\n' +
      'Uses the same configuration as the server: YUNCE_DATA_DIR (embedded database, default ./.yunce) or DATABASE_URL (PostgreSQL).',
  )
  .showHelpAfterError();

program
  .command('start')
  .description('Start Yunce: the web server and API, the job worker, or both')
  .addOption(
    new Option('--role <role>', 'web (HTTP only), worker (jobs only) or all')
      .default('all')
      .argParser(parseRole),
  )
  .option('--port <port>', 'port to listen on (overrides PORT)', parsePort)
  .action(async (opts: { role: Role; port?: string }) => {
    if (opts.port) process.env.PORT = opts.port;
    const cfg = config();
    if (!cfg.databaseUrl && opts.role !== 'all') {
      console.warn(
        `Note: with the embedded database one process does everything; --role ${opts.role} here leaves the ${opts.role === 'web' ? 'jobs' : 'web server'} stopped. Use DATABASE_URL to run web and worker processes side by side.`,
      );
    }
    let running;
    try {
      running = await start({ role: opts.role, config: cfg });
    } catch (err) {
      if (err instanceof DataDirLockedError) throw new CliError(err.message);
      throw err;
    }
    const shutdown = (signal: string) => {
      console.log(`\n${signal}: shutting down…`);
      running
        .stop()
        .then(() => process.exit(0))
        .catch((err: unknown) => {
          console.error(err);
          process.exit(1);
        });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply pending database migrations (the server also does this when it starts)')
  .action(async () => {
    const cfg = config();
    const lock = cfg.databaseUrl ? undefined : readLiveLock(cfg.dataDir);
    if (lock) {
      console.log(
        `The running server (pid ${lock.pid}) holds ${cfg.dataDir} and migrated it when it started: nothing to do.`,
      );
      return;
    }
    await withDatabase(cfg, async ({ database }) => {
      const { applied } = await migrate(database);
      console.log(
        applied.length ? `Applied ${applied.length} migration(s).` : 'The database is up to date.',
      );
    });
  });

program
  .command('demo')
  .description('Create the demo workspace "示例店铺" (or issue a new password for the demo login)')
  .action(async () => {
    const cfg = config();
    const viaServer = await askServer<DemoLogin>(cfg, 'POST', '/api/internal/demo');
    const login =
      viaServer ??
      (await withDatabase(cfg, ({ database }) =>
        ensureDemo(
          database,
          createServices({
            config: cfg,
            database,
            clock: systemClock,
            storage: createLocalStorage(cfg.storageDir),
          }),
          systemClock,
        ),
      ));
    announceDemoLogin(cfg, login);
    console.log(
      login.created
        ? 'Demo workspace created.'
        : 'The demo workspace exists; its password was reset.',
    );
  });

const accounts = program.command('accounts').description('Social accounts');
accounts
  .command('list')
  .description('List every account on this installation: id, workspace, platform, name')
  .option('--json', 'print JSON instead of a table')
  .action(async (opts: { json?: boolean }) => {
    const cfg = config();
    const viaServer = await askServer<{ accounts: AccountListing[] }>(
      cfg,
      'GET',
      '/api/internal/accounts',
    );
    const rows =
      viaServer?.accounts ??
      (await withDatabase(cfg, ({ database }) => listAllAccounts(database.db)));
    if (opts.json) {
      console.log(JSON.stringify(rows, null, 2));
      return;
    }
    if (rows.length === 0) {
      console.log('No accounts yet.');
      return;
    }
    console.table(
      rows.map((r) => ({
        id: r.id,
        workspace: r.workspace,
        platform: r.platform,
        name: r.name,
        status: r.status,
      })),
    );
  });

program
  .command('import')
  .description(
    'Import a platform export (CSV/XLSX) into an account; re-importing updates instead of duplicating. Exits 1 when the file cannot be imported',
  )
  .argument('<file>', 'the exported file')
  .requiredOption('--account <id>', 'the account it belongs to (see: yunce accounts list)')
  .option(
    '--preset <name>',
    'a preset id (e.g. douyin.works) or a saved preset name; detected from the headers when absent',
  )
  .option('--dry-run', 'show what would happen, write nothing')
  .option('--json', 'print {"preset","rows","created","updated","skipped","errors":[…]}')
  .action(
    async (
      file: string,
      opts: { account: string; preset?: string; dryRun?: boolean; json?: boolean },
    ) => {
      const cfg = config();
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (err) {
        throw new CliError(
          `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        );
      }
      const fileName = file.split(/[\\/]/).pop() ?? file;
      const options = {
        accountId: opts.account,
        ...(opts.preset ? { presetId: opts.preset } : {}),
      };
      let summary: TImportSummary;
      try {
        summary =
          (await askServer<TImportSummary>(cfg, 'POST', '/api/internal/import', {
            file: bytes.toString('base64'),
            fileName,
            ...options,
            dryRun: Boolean(opts.dryRun),
          })) ??
          (await withDatabase(cfg, async ({ database }) => {
            await migrate(database);
            const services = createServices({
              config: cfg,
              database,
              clock: systemClock,
              storage: createLocalStorage(cfg.storageDir),
            });
            return services.imports.importForCli(bytes, fileName, options, Boolean(opts.dryRun));
          }));
      } catch (err) {
        const refused =
          err instanceof ServerRefusal
            ? err.message
            : err instanceof DomainError
              ? err.message
              : null;
        if (refused === null) throw err;
        if (opts.json) {
          console.log(
            JSON.stringify(
              {
                preset: null,
                rows: 0,
                created: 0,
                updated: 0,
                skipped: 0,
                errors: [{ row: 0, column: 'file', message: refused }],
              },
              null,
              2,
            ),
          );
          process.exitCode = 1;
          return;
        }
        throw new CliError(`${file} cannot be imported: ${refused}`);
      }
      if (opts.json) {
        console.log(JSON.stringify(summary, null, 2));
        return;
      }
      console.log(
        `${opts.dryRun ? '(dry run) ' : ''}${fileName}: preset ${summary.preset ?? '-'}, ${summary.rows} rows — ${summary.created} new, ${summary.updated} updated, ${summary.skipped} skipped`,
      );
      for (const e of summary.errors.slice(0, 20))
        console.log(`  row ${e.row} ${e.column}: ${e.message}`);
      if (summary.errors.length > 20) console.log(`  … and ${summary.errors.length - 20} more`);
    },
  );

function parsePlatform(value: string): TPlatform {
  if ((PLATFORMS as readonly string[]).includes(value)) return value as TPlatform;
  throw new InvalidArgumentError(`must be one of ${PLATFORMS.join(', ')}`);
}

async function readInput(file: string | undefined): Promise<string> {
  if (file && file !== '-') {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new CliError(
        `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  }
  if (process.stdin.isTTY)
    throw new CliError('give a FILE, or pipe the text in (use - for standard input)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const compliance = program
  .command('compliance')
  .description('Advertising Law and platform rule checks');
compliance
  .command('check')
  .description(
    'Check a text with the built-in rule sets; exits 1 when a finding blocks publication',
  )
  .argument('[file]', 'a UTF-8 text file, or - (default) for standard input')
  .addOption(
    new Option(
      '--platform <platform>',
      `apply that platform's rules and limits (${PLATFORMS.join(', ')})`,
    ).argParser(parsePlatform),
  )
  .option('--sponsored', 'the text is paid or commissioned content (needs a 广告 label)')
  .option('--json', 'print {"findings":[…]} with UTF-16 offsets')
  .action(
    async (
      file: string | undefined,
      opts: { platform?: TPlatform; sponsored?: boolean; json?: boolean },
    ) => {
      const text = await readInput(file);
      const { findings } = defaultEngine().check(text, {
        ...(opts.platform ? { platform: opts.platform } : {}),
        sponsored: Boolean(opts.sponsored),
      });
      const blocking = findings.some((f) => f.severity === 'block');
      if (opts.json) {
        const out = findings.map((f) => ({
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          start: f.start,
          end: f.end,
          text: f.text,
          message: f.message,
          suggestions: [...f.suggestions],
        }));
        console.log(JSON.stringify({ findings: out }, null, 2));
      } else if (findings.length === 0) {
        console.log('No findings.');
      } else {
        for (const f of findings) {
          const before = text.slice(0, f.start);
          const line = before.split('\n').length;
          const col = f.start - before.lastIndexOf('\n');
          const tip = f.suggestions.length ? `  → ${f.suggestions.join(' / ')}` : '';
          console.log(
            `${line}:${col}  ${f.severity.toUpperCase().padEnd(5)}  「${f.text}」 ${f.message} [${f.ruleId}]${tip}`,
          );
        }
        console.log(`\n${findings.length} finding(s)${blocking ? ', blocking' : ''}.`);
      }
      if (blocking) process.exitCode = 1;
    },
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CliError) {
    console.error(`yunce: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
