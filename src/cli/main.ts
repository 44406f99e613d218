import { parseArgs } from 'node:util';
import nextEnv from '@next/env';
import { z } from 'zod';
import { env, InvalidEnvironmentError, type Env } from '@/env';
import {
  DatabaseInUseError,
  openConnection,
  poolerOptions,
  type Connection,
} from '@/server/db/connection';
import {
  MigrationRefusedError,
  migrateAsOwner,
  requireMigrationsApplied,
  PendingMigrationsError,
} from '@/server/db/migrate';
import { AppError } from '@/server/errors';
import { createLogger } from '@/server/observability/logger';
import {
  auditCheckpointCommand,
  auditVerifyCommand,
  auditVerifyOptions,
  createApiKeyCommand,
  createApiKeyOptions,
  createOAuthClientCommand,
  createOAuthClientOptions,
  createOrgCommand,
  createOrgOptions,
  createUserCommand,
  createUserOptions,
  exportPgliteCommand,
  exportPgliteOptions,
  migrateCommand,
  seedCommand,
} from './commands';

/**
 * The operator CLI: `npm run --silent cli -- <command> [--flags]`. Every command prints exactly
 * one JSON object on stdout (the result, or {"error": ...}); diagnostics go to stderr.
 */
const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  migrate                      apply pending database migrations, as MIGRATION_DATABASE_URL's
                               login when it is set (else DATABASE_URL's)
  seed                         create the demo organization with sample data
  create-org --name NAME --slug SLUG --owner-email EMAIL --owner-password PW [--owner-name NAME]
  create-api-key --org SLUG --name NAME --role ROLE
  create-oauth-client --org SLUG --name NAME --grant client_credentials|authorization_code
      [--redirect-uri URI]... --scopes "customers:read customers:write ..." [--role ROLE]
  create-user --org SLUG --email EMAIL --password PW --role ROLE [--name NAME]
                               a verified member of the organization; an existing account
                               (same e-mail) joins with its own password unchanged
  audit-verify --org SLUG [--checkpoints FILE|DIR] [--public-key KEY]
                               check the organization's audit hash chain (exit code 1 if broken),
                               and that it still holds every row the checkpoints recorded
  audit-checkpoint             write a signed checkpoint of every audit chain that moved, now
  export-pglite --output FILE  write the embedded database (PGLITE_DIR) as a SQL script to
                               restore on a PostgreSQL server (stop the app first)`;

/** Commands on the configured database; all but migrate first prepare it as the server does. */
const COMMANDS = {
  migrate: {
    options: z.object({}),
    run: (c: Connection, _o: unknown, config: Env) => migrateCommand(c, config),
  },
  seed: { options: z.object({}), run: (c: Connection) => seedCommand(c) },
  'create-org': { options: createOrgOptions, run: createOrgCommand },
  'create-api-key': { options: createApiKeyOptions, run: createApiKeyCommand },
  'create-oauth-client': { options: createOAuthClientOptions, run: createOAuthClientCommand },
  'create-user': { options: createUserOptions, run: createUserCommand },
  'audit-verify': {
    options: auditVerifyOptions,
    run: (c: Connection, o: z.output<typeof auditVerifyOptions>, config: Env) =>
      auditVerifyCommand(c, o, config),
  },
  'audit-checkpoint': {
    options: z.object({}),
    async run(c: Connection, _o: unknown, config: Env) {
      // Each checkpoint is logged too: to stderr, all of it before the process exits.
      const log = createLogger({ level: config.LOG_LEVEL, destination: 2 });
      const result = await auditCheckpointCommand(c, config, log);
      await new Promise<void>((resolve) => log.flush(() => resolve()));
      return result;
    },
  },
} as const;

/** Commands that open a database of their own instead of the configured one. */
const STANDALONE_COMMANDS = {
  'export-pglite': {
    options: exportPgliteOptions,
    run: (config: Env, options: z.output<typeof exportPgliteOptions>) =>
      exportPgliteCommand(config.PGLITE_DIR, options),
  },
} as const;

type CommandName = keyof typeof COMMANDS;
type StandaloneCommandName = keyof typeof STANDALONE_COMMANDS;

class UsageError extends Error {}

function print(result: unknown) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(argv: string[]): Promise<number> {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', {
    info: () => {},
    error: console.error,
  });
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stderr.write(`${USAGE}\n`);
    print({ error: { code: 'USAGE', message: name ? 'help' : 'No command given' } });
    return name ? 0 : 2;
  }
  const standalone = STANDALONE_COMMANDS[name as StandaloneCommandName];
  const command = COMMANDS[name as CommandName];
  const options = (command ?? standalone)?.options;
  if (!options) throw new UsageError(`Unknown command "${name}"`);

  const { values } = parseArgs({ args: rest, options: flagsOf(options), strict: true });
  const parsed = options.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; '),
    );
  }

  const config = env();
  if (standalone) {
    const run = standalone.run as (c: Env, o: unknown) => Promise<unknown>;
    print(await run(config, parsed.data));
    return 0;
  }
  // The login the app runs as; migrating connects as the owner's (MIGRATION_DATABASE_URL).
  const connection = await openConnection({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    ...poolerOptions(config),
  });
  try {
    if (name !== 'migrate') {
      if (config.MIGRATE_AT_START) await migrateAsOwner(connection, config.MIGRATION_DATABASE_URL);
      else await requireMigrationsApplied(connection);
    }
    const run = command.run as (c: Connection, o: unknown, config: Env) => Promise<unknown>;
    const result = await run(connection, parsed.data, config);
    print(result);
    return (result as { ok?: boolean }).ok === false ? 1 : 0;
  } finally {
    await connection.close();
  }
}

/** Every flag takes a value; a list flag (`--redirect-uri`) may be given more than once. */
function flagsOf(schema: z.ZodObject) {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      { type: 'string' as const, multiple: isList(field as z.ZodType) },
    ]),
  );
}

function isList(field: z.ZodType): boolean {
  const inner =
    field instanceof z.ZodDefault || field instanceof z.ZodOptional ? field.unwrap() : field;
  return inner instanceof z.ZodArray;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      print({ error: { code: 'USAGE', message: error.message } });
      process.exit(2);
    }
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      print({ error: { code: 'INVALID_ENVIRONMENT', message: error.problems.join('; ') } });
      process.exit(1);
    }
    const message = error instanceof Error ? error.message : String(error);
    const known =
      error instanceof AppError ||
      error instanceof DatabaseInUseError ||
      error instanceof MigrationRefusedError ||
      error instanceof PendingMigrationsError;
    process.stderr.write(`${known || !(error instanceof Error) ? message : error.stack}\n`);
    print({ error: { code: known ? error.code : 'FAILED', message } });
    process.exit(1);
  },
);
