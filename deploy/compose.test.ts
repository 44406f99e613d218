import path from 'node:path';
import { DCLinter } from 'dclint';
import { describe, expect, it } from 'vitest';
import { MIGRATE_COMMAND } from '@/server/db/migrate';
import { dockerInstructions, parseYamlFile, readRepositoryFile, ROOT } from './files';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
  ports?: string[];
}

const FILE = 'deploy/compose.yaml';
const compose = parseYamlFile(FILE)[0] as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const { app, migrate, postgres, redis } = compose.services as Record<string, ComposeService>;

describe('deploy/compose.yaml', () => {
  it("passes dclint: the Compose Specification's schema and its rules", () => {
    const linter = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
    const [result] = linter.lintFiles([path.join(ROOT, FILE)], false);
    expect(result?.messages).toEqual([]);
  });

  it('builds the image of deploy/Dockerfile from the repository root, once for both', () => {
    for (const service of [app, migrate]) {
      expect(service?.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(service?.image).toBe(app?.image);
    }
  });

  it('migrates first, then starts the app on healthy PostgreSQL and Redis', () => {
    expect(migrate?.command?.join(' ')).toBe(MIGRATE_COMMAND);
    expect(migrate?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(app?.depends_on).toEqual({
      migrate: { condition: 'service_completed_successfully' },
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(app?.environment?.MIGRATE_AT_START).toBe('false');
  });

  it('checks the health of every long-running service', () => {
    const image = dockerInstructions(readRepositoryFile('deploy/Dockerfile'));
    const port = image.findLast((instruction) => instruction.keyword === 'EXPOSE')?.args;
    expect(app?.healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${port}/api/health`);
    expect(app?.ports?.[0]).toMatch(new RegExp(`:${port}$`));
    expect(postgres?.healthcheck?.test).toContain('pg_isready');
    expect(redis?.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    for (const service of [postgres, redis]) {
      const [volume] = service?.volumes?.[0]?.split(':') ?? [];
      expect(compose.volumes).toHaveProperty(volume!);
    }
  });

  it('runs the app as a login owning nothing, and migrates as the owner, demanding the secrets', () => {
    const environment = app?.environment ?? {};
    expect(environment.DATABASE_URL).toMatch(
      /^postgres:\/\/clientele_runtime:\$\{CLIENTELE_RUNTIME_DB_PASSWORD:\?/,
    );
    expect(environment).not.toHaveProperty('MIGRATION_DATABASE_URL');
    expect(migrate?.environment?.DATABASE_URL).toBe(environment.DATABASE_URL);
    expect(migrate?.environment?.MIGRATION_DATABASE_URL).toMatch(
      /^postgres:\/\/clientele:\$\{CLIENTELE_DB_PASSWORD:\?/,
    );
    expect(environment.ENCRYPTION_KEY).toMatch(/^\$\{ENCRYPTION_KEY:\?.+\}$/);
    expect(environment.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?.+\}$/);
    expect(environment.REDIS_URL).toBe('redis://redis:6379');
    const init = readRepositoryFile('deploy/postgres-init.sh');
    expect(init).toMatch(/CREATE ROLE clientele LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS/);
    expect(init).toMatch(
      /CREATE ROLE clientele_runtime LOGIN NOCREATEROLE NOCREATEDB NOSUPERUSER NOBYPASSRLS/,
    );
    expect(init).toMatch(/CREATE DATABASE clientele OWNER clientele;/);
    expect(postgres?.environment).toHaveProperty('CLIENTELE_RUNTIME_DB_PASSWORD');
  });
});
