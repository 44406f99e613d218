import { describe, expect, it } from 'vitest';
import { problemsOf } from '@/test/environment';
import { assertServerEnv, parseEnv } from './env';

describe('parseEnv', () => {
  it('fills in the defaults of the embedded set-up', () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      PGLITE_DIR: '.data/pglite',
      APP_URL: 'http://localhost:3000',
      LOG_LEVEL: 'info',
    });
    expect(parseEnv({ PORT: '4100' }).APP_URL).toBe('http://localhost:4100');
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });

  it('reduces APP_URL to its origin', () => {
    expect(parseEnv({ APP_URL: 'https://crm.example.com/some/path/' }).APP_URL).toBe(
      'https://crm.example.com',
    );
  });

  it('names every bad value on its own line, without printing secrets', () => {
    const problems = problemsOf({
      PORT: '70000',
      DATABASE_URL: 'mysql://root:hunter2@db/app',
      LOG_LEVEL: 'loud',
      UPSTASH_REDIS_REST_TOKEN: 'secret-token',
      METRICS_TOKEN: 'short',
    });
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith('PORT='))).toContain('between 1 and 65535');
    expect(problems.find((p) => p.startsWith('DATABASE_URL='))).toContain('postgres://');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL='))).toContain('one of');
    expect(problems.find((p) => p.startsWith('UPSTASH_REDIS_REST_URL'))).toContain('set together');
    expect(problems.find((p) => p.startsWith('METRICS_TOKEN='))).toContain('16');
    expect(problems.join('\n')).not.toMatch(/hunter2|secret-token|short"/);
  });

  it('reads CORS_ORIGINS as a list of origins, none by default', () => {
    expect(parseEnv({}).CORS_ORIGINS).toEqual([]);
    expect(
      parseEnv({ CORS_ORIGINS: 'https://App.example.com, http://localhost:5173/' }).CORS_ORIGINS,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
    for (const bad of ['app.example.com', 'https://app.example.com/path', 'ftp://x.example', '*']) {
      expect(problemsOf({ CORS_ORIGINS: bad }), bad).toEqual([
        expect.stringMatching(/^CORS_ORIGINS=.*: must be comma-separated origins/),
      ]);
    }
  });

  it('reads replica URLs as a list that needs the primary, and hides their passwords', () => {
    const primary = 'postgres://app@primary:5432/clientele';
    expect(parseEnv({ DATABASE_URL: primary }).DATABASE_REPLICA_URLS).toEqual([]);
    expect(
      parseEnv({
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS:
          'postgres://app@replica-1/clientele, postgres://app@replica-2/clientele',
      }).DATABASE_REPLICA_URLS,
    ).toEqual(['postgres://app@replica-1/clientele', 'postgres://app@replica-2/clientele']);
    expect(problemsOf({ DATABASE_REPLICA_URLS: 'postgres://app@replica-1/clientele' })).toEqual([
      expect.stringMatching(/^DATABASE_REPLICA_URLS=.*: needs DATABASE_URL/),
    ]);
    const bad = problemsOf({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: 'postgres://app:hunter2@replica-1/db,mysql://root:swordfish@db/app',
    });
    expect(bad).toEqual([expect.stringMatching(/^DATABASE_REPLICA_URLS=.*comma-separated URLs/)]);
    expect(bad.join('\n')).not.toMatch(/hunter2|swordfish/);
  });

  it('takes a transaction pooler only with a direct URL for the sessions it cannot keep', () => {
    const pooled = 'postgres://app@pgbouncer:6432/clientele';
    const direct = 'postgres://app@db:5432/clientele';
    expect(parseEnv({ DATABASE_URL: pooled }).DATABASE_POOLER).toBe('none');
    expect(
      parseEnv({
        DATABASE_URL: pooled,
        DATABASE_POOLER: 'transaction',
        DATABASE_DIRECT_URL: direct,
      }),
    ).toMatchObject({ DATABASE_POOLER: 'transaction', DATABASE_DIRECT_URL: direct });
    expect(problemsOf({ DATABASE_URL: pooled, DATABASE_POOLER: 'transaction' })).toEqual([
      expect.stringMatching(/^DATABASE_DIRECT_URL: is required with DATABASE_POOLER=transaction/),
    ]);
    expect(problemsOf({ DATABASE_URL: pooled, DATABASE_POOLER: 'session' })).toEqual([
      expect.stringMatching(/^DATABASE_POOLER=.*: must be none or transaction/),
    ]);
    expect(problemsOf({ DATABASE_DIRECT_URL: direct })).toEqual([
      expect.stringMatching(/^DATABASE_DIRECT_URL=.*: needs DATABASE_URL/),
    ]);
  });

  it('takes a migration login only beside DATABASE_URL, and checks the checkpoint key', () => {
    const owner = 'postgres://owner:hunter2@db:5432/clientele';
    expect(
      parseEnv({ DATABASE_URL: 'postgres://app@db/clientele', MIGRATION_DATABASE_URL: owner })
        .MIGRATION_DATABASE_URL,
    ).toBe(owner);
    const alone = problemsOf({ MIGRATION_DATABASE_URL: owner });
    expect(alone).toEqual([expect.stringMatching(/^MIGRATION_DATABASE_URL=.*needs DATABASE_URL/)]);
    expect(alone.join('\n')).not.toContain('hunter2');
    expect(problemsOf({ AUDIT_CHECKPOINT_KEY: 'c2hvcnQ=' })).toEqual([
      expect.stringMatching(/^AUDIT_CHECKPOINT_KEY="\*\*\*": must be 32 random bytes/),
    ]);
  });

  it('bounds the statement timeout, the pool and the shutdown', () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 15_000,
      SHUTDOWN_TIMEOUT_MS: 25_000,
    });
    expect(parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '0' }).DATABASE_STATEMENT_TIMEOUT_MS).toBe(0);
    expect(
      problemsOf({ DATABASE_POOL_SIZE: '0', SHUTDOWN_TIMEOUT_MS: '5s' }).map(
        (p) => p.split('=')[0],
      ),
    ).toEqual(['DATABASE_POOL_SIZE', 'SHUTDOWN_TIMEOUT_MS']);
  });

  it('requires the public origin and an encryption key in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^APP_URL: is required in production/),
      expect.stringMatching(/^ENCRYPTION_KEY: is required in production/),
    ]);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      problemsOf({
        NODE_ENV: 'production',
        APP_URL: 'https://crm.example.com',
        ENCRYPTION_KEY: key,
        METRICS_TOKEN: 'a-metrics-token-of-32-characters',
      }),
    ).toEqual([]);
    expect(problemsOf({ ENCRYPTION_KEY: 'c2hvcnQ=' })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY="\*\*\*": must be 32 random bytes/),
    ]);
  });

  it('chooses mail delivery by environment and checks its settings', () => {
    expect(parseEnv({}).MAIL_TRANSPORT).toBe('mailbox');
    expect(parseEnv({ NODE_ENV: 'test' }).MAIL_TRANSPORT).toBe('log');
    expect(problemsOf({ MAIL_TRANSPORT: 'smtp' })).toEqual([
      expect.stringMatching(/^SMTP_URL: is required/),
    ]);
    expect(problemsOf({ MAIL_TRANSPORT: 'http' })).toEqual([
      expect.stringMatching(/^MAIL_HTTP_TOKEN: is required/),
    ]);
    const production = {
      NODE_ENV: 'production',
      APP_URL: 'https://x.example',
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      METRICS_TOKEN: 'a-metrics-token-of-32-characters',
    };
    expect(problemsOf({ ...production, MAIL_TRANSPORT: 'mailbox' })).toEqual([
      expect.stringMatching(/^MAIL_TRANSPORT=.*development mailbox/),
    ]);
  });

  it('keeps the metrics closed in production unless they are explicitly public', () => {
    const production = {
      NODE_ENV: 'production',
      APP_URL: 'https://crm.example.com',
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    // The CLI needs none; a server does.
    expect(problemsOf(production)).toEqual([]);
    expect(() => assertServerEnv(parseEnv(production))).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringMatching(/^METRICS_TOKEN: is required in production.*METRICS_PUBLIC=true/),
        ],
      }),
    );
    expect(() =>
      assertServerEnv(
        parseEnv({ ...production, METRICS_TOKEN: 'a-metrics-token-of-32-characters' }),
      ),
    ).not.toThrow();
    const open = parseEnv({ ...production, METRICS_PUBLIC: 'true' });
    expect(open.METRICS_PUBLIC).toBe(true);
    expect(() => assertServerEnv(open)).not.toThrow();
    expect(
      problemsOf({
        ...production,
        METRICS_PUBLIC: 'true',
        METRICS_TOKEN: 'a-metrics-token-of-32-characters',
      }),
    ).toEqual([expect.stringMatching(/^METRICS_PUBLIC="true": .*METRICS_TOKEN/)]);
    expect(problemsOf({ METRICS_PUBLIC: 'yes' })).toEqual([
      expect.stringMatching(/^METRICS_PUBLIC="yes": must be true or false/),
    ]);
    // Outside production a machine's own metrics need no token.
    expect(problemsOf({})).toEqual([]);
    expect(parseEnv({}).METRICS_PUBLIC).toBe(false);
  });

  it('accepts only meaningful trusted-proxy settings', () => {
    for (const setting of ['false', '1', 'loopback', '10.0.0.0/8, 192.168.1.1']) {
      expect(problemsOf({ TRUST_PROXY: setting })).toEqual([]);
    }
    expect(problemsOf({ TRUST_PROXY: 'everyone' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY=/),
    ]);
  });

  it('migrates at start unless MIGRATE_AT_START is false', () => {
    expect(parseEnv({}).MIGRATE_AT_START).toBe(true);
    expect(parseEnv({ MIGRATE_AT_START: 'false' }).MIGRATE_AT_START).toBe(false);
    expect(problemsOf({ MIGRATE_AT_START: 'no' })).toEqual([
      expect.stringMatching(/^MIGRATE_AT_START="no": must be true or false/),
    ]);
  });
});
