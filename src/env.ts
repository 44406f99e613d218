import { z } from 'zod';

import { compile as compileTrust } from 'proxy-addr';
import { DEFAULT_SENDING_LIMITS } from '@/schemas/notification-settings';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const MAIL_TRANSPORTS = ['smtp', 'http', 'mailbox', 'log'] as const;
const SMS_TRANSPORTS = ['http', 'log'] as const;

/** How long an API key or OAuth token is kept in memory at most, once looked up. */
export const DEFAULT_CREDENTIAL_CACHE_SECONDS = 300;
/** How long a dashboard figure is kept at most, once computed. */
export const DEFAULT_DASHBOARD_CACHE_SECONDS = 300;

/** Development and test only: a fixed key, so local data survives restarts. Never in production. */
export const DEVELOPMENT_ENCRYPTION_KEY = Buffer.alloc(32, 'clientele-development-key').toString(
  'base64',
);

const perMinute = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(fallback);

const optionalUrl = (protocols: RegExp, example: string) =>
  z.url({ protocol: protocols, error: `must be a URL like ${example}` }).optional();

const milliseconds = (fallback: number, min: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(min, `must be at least ${min}`)
    .default(fallback);

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s,]+$/;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 65535')
      .max(65535, 'must be between 1 and 65535')
      .default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    APP_URL: optionalUrl(/^https?$/, 'https://crm.example.com'),
    DATABASE_URL: optionalUrl(/^postgres(ql)?$/, 'postgres://user:password@host:5432/clientele'),
    MIGRATION_DATABASE_URL: optionalUrl(
      /^postgres(ql)?$/,
      'postgres://owner:password@host:5432/clientele',
    ),
    DATABASE_REPLICA_URLS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((url) => url.trim())
          .filter(Boolean),
      )
      .refine((urls) => urls.every((url) => POSTGRES_URL.test(url)), {
        message:
          'must be comma-separated URLs like postgres://user:password@replica:5432/clientele',
      }),
    DATABASE_POOLER: z
      .enum(['none', 'transaction'], { error: 'must be none or transaction' })
      .default('none'),
    DATABASE_DIRECT_URL: optionalUrl(
      /^postgres(ql)?$/,
      'postgres://user:password@host:5432/clientele',
    ),
    DATABASE_POOL_SIZE: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .default(10),
    DATABASE_POOL_QUEUE_LIMIT: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .default(100),
    DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(15_000, 0),
    REQUEST_TIMEOUT_MS: milliseconds(20_000, 100),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    REDIS_URL: optionalUrl(/^rediss?$/, 'redis://127.0.0.1:6379'),
    UPSTASH_REDIS_REST_URL: optionalUrl(/^https$/, 'https://example.upstash.io'),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    METRICS_PUBLIC: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
    TRUST_PROXY: z.string().default('false').refine(isTrustSetting, {
      message:
        'must be false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs',
    }),
    ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, {
        message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
      })
      .optional(),
    AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, {
        message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
      })
      .optional(),
    MAIL_TRANSPORT: z
      .enum(MAIL_TRANSPORTS, { error: `must be one of ${MAIL_TRANSPORTS.join(', ')}` })
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    SMTP_URL: optionalUrl(/^smtps?$/, 'smtps://user:password@smtp.example.com:465'),
    MAIL_HTTP_URL: optionalUrl(/^https?$/, 'https://api.resend.com/emails').default(
      'https://api.resend.com/emails',
    ),
    MAIL_HTTP_TOKEN: z.string().min(1).optional(),
    SMS_TRANSPORT: z
      .enum(SMS_TRANSPORTS, { error: `must be one of ${SMS_TRANSPORTS.join(', ')}` })
      .default('log'),
    SMS_HTTP_URL: optionalUrl(/^https?$/, 'https://sms.example.com/messages'),
    SMS_HTTP_TOKEN: z.string().min(1).optional(),
    SMS_FROM: z
      .string()
      .min(1)
      .max(16, 'must be a sender name or number of at most 16 characters')
      .optional(),
    RATE_LIMIT_REST_PER_KEY: perMinute(600),
    RATE_LIMIT_REST_PER_ORG: perMinute(6000),
    RATE_LIMIT_TRPC_PER_USER: perMinute(600),
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .refine((origins) => origins.every(isOrigin), {
        message: 'must be comma-separated origins like https://app.example.com (no path)',
      })
      .transform((origins) => origins.map((origin) => new URL(origin).origin)),
    SHUTDOWN_TIMEOUT_MS: milliseconds(25_000, 1_000),
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(/^https?$/, 'http://otel-collector:4318'),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl(
      /^https?$/,
      'http://otel-collector:4318/v1/traces',
    ),
    OTEL_SERVICE_NAME: z.string().min(1).default('clientele'),
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
    CREDENTIAL_CACHE_SECONDS: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 (off) or more')
      .default(DEFAULT_CREDENTIAL_CACHE_SECONDS),
    DASHBOARD_CACHE_SECONDS: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 (off) or more')
      .default(DEFAULT_DASHBOARD_CACHE_SECONDS),
    NOTIFICATION_RETENTION_DAYS: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .default(90),
    NOTIFICATION_EMAILS_PER_HOUR: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .default(DEFAULT_SENDING_LIMITS.emailsPerHour),
    NOTIFICATION_SMS_PER_HOUR: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .default(DEFAULT_SENDING_LIMITS.smsPerHour),
    VAPID_PUBLIC_KEY: z
      .string()
      .refine((value) => isBase64Url(value, 65) && Buffer.from(value, 'base64url')[0] === 0x04, {
        message:
          'must be a VAPID public key: 65 bytes in base64url (npx web-push generate-vapid-keys)',
      })
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .refine((value) => isBase64Url(value, 32), {
        message:
          'must be a VAPID private key: 32 bytes in base64url (npx web-push generate-vapid-keys)',
      })
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s/]+\S*)$/, {
        message: 'must be a mailto: address or an https URL, e.g. mailto:ops@example.com',
      })
      .optional(),
    MIGRATE_AT_START: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('true')
      .transform((value) => value === 'true'),
  })
  .superRefine(
    (value, ctx) => {
      if (Boolean(value.UPSTASH_REDIS_REST_URL) !== Boolean(value.UPSTASH_REDIS_REST_TOKEN)) {
        ctx.addIssue({
          code: 'custom',
          path: [
            value.UPSTASH_REDIS_REST_URL ? 'UPSTASH_REDIS_REST_TOKEN' : 'UPSTASH_REDIS_REST_URL',
          ],
          message: 'UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together',
        });
      }
      if (value.MIGRATION_DATABASE_URL && !value.DATABASE_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['MIGRATION_DATABASE_URL'],
          message:
            'needs DATABASE_URL (the login the app runs as); the embedded database has one user',
        });
      }
      if (value.DATABASE_REPLICA_URLS.length > 0 && !value.DATABASE_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_REPLICA_URLS'],
          message: 'needs DATABASE_URL (the primary); the embedded database has no replicas',
        });
      }
      if (value.DATABASE_POOLER === 'transaction' && !value.DATABASE_DIRECT_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_DIRECT_URL'],
          message:
            'is required with DATABASE_POOLER=transaction: listening for changes and the job queue need a session of their own',
        });
      }
      if (value.DATABASE_DIRECT_URL && !value.DATABASE_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_DIRECT_URL'],
          message: 'needs DATABASE_URL (through the pooler); the embedded database has no pooler',
        });
      }
      const production = value.NODE_ENV === 'production';
      const require = (name: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: [name], message });
      if (production && !value.APP_URL) {
        require('APP_URL', 'is required in production (the public origin, e.g. https://crm.example.com)');
      }
      if (production && !value.ENCRYPTION_KEY) {
        require('ENCRYPTION_KEY', 'is required in production (openssl rand -base64 32)');
      }
      if (value.METRICS_PUBLIC && value.METRICS_TOKEN) {
        require('METRICS_PUBLIC', 'serves /api/metrics without a token: unset it or METRICS_TOKEN');
      }
      if (production && value.MAIL_TRANSPORT === 'mailbox') {
        require('MAIL_TRANSPORT', 'mailbox is the development mailbox; use smtp, http or log in production');
      }
      if (value.MAIL_TRANSPORT === 'smtp' && !value.SMTP_URL) {
        require('SMTP_URL', 'is required when MAIL_TRANSPORT is smtp');
      }
      if (value.MAIL_TRANSPORT === 'http' && !value.MAIL_HTTP_TOKEN) {
        require('MAIL_HTTP_TOKEN', 'is required when MAIL_TRANSPORT is http');
      }
      if (Boolean(value.VAPID_PUBLIC_KEY) !== Boolean(value.VAPID_PRIVATE_KEY)) {
        const missing = value.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
        require(missing, 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
      }
      if (value.SMS_TRANSPORT === 'http' && !value.SMS_HTTP_URL) {
        require('SMS_HTTP_URL', 'is required when SMS_TRANSPORT is http');
      }
      if (value.SMS_TRANSPORT === 'http' && !value.SMS_HTTP_TOKEN) {
        require('SMS_HTTP_TOKEN', 'is required when SMS_TRANSPORT is http');
      }
      // Run even when a field above is invalid, so every problem is reported at once.
    },
    { when: () => true },
  )
  .transform((value) => {
    const appUrl = new URL(value.APP_URL ?? `http://localhost:${value.PORT}`);
    return {
      ...value,
      APP_URL: appUrl.origin,
      ENCRYPTION_KEY: value.ENCRYPTION_KEY ?? DEVELOPMENT_ENCRYPTION_KEY,
      MAIL_TRANSPORT:
        value.MAIL_TRANSPORT ?? (value.NODE_ENV === 'development' ? 'mailbox' : 'log'),
      MAIL_FROM: value.MAIL_FROM ?? `Clientele <no-reply@${appUrl.hostname}>`,
    };
  });

/** An origin as browsers send it: http(s), host and port, nothing after. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '').toLowerCase();
  } catch {
    return false;
  }
}

/** Base64url (no padding) of exactly `bytes` bytes. */
function isBase64Url(value: string, bytes: number): boolean {
  return /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, 'base64url').length === bytes;
}

function isTrustSetting(value: string): boolean {
  if (value === 'false' || /^\d+$/.test(value)) return true;
  try {
    compileTrust(value.split(',').map((part) => part.trim()));
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

/** Every variable the schema reads, for the checks that keep .env.example and deploy/ in step. */
export const ENV_VARIABLES = Object.keys(envSchema.in.shape) as (keyof Env)[];

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((line) => `  ${line}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * What only a serving process needs besides what env() checks: the CLI (migrate, seed…) serves
 * no /api/metrics, so it runs without a metrics token.
 */
export function assertServerEnv(config: Env): void {
  if (config.NODE_ENV === 'production' && !config.METRICS_TOKEN && !config.METRICS_PUBLIC) {
    throw new InvalidEnvironmentError([
      'METRICS_TOKEN: is required in production, so /api/metrics is not open to anyone (16+ characters, e.g. openssl rand -hex 24); or set METRICS_PUBLIC=true when only your monitoring can reach the app',
    ]);
  }
}

/** Empty values in .env files mean "unset", as they do for most tools. */
function withoutEmptyValues(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutEmptyValues(source));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    const given = source[name];
    return given === undefined
      ? `${name}: ${issue.message}`
      : `${name}=${JSON.stringify(redact(name, given))}: ${issue.message}`;
  });
  throw new InvalidEnvironmentError(problems);
}

function redact(name: string, value: string) {
  if (/TOKEN|PASSWORD|SECRET|KEY/.test(name)) return '***';
  if (/_URLS?$/.test(name)) return value.replace(/\/\/([^@/,]*)@/g, '//***@');
  return value;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
