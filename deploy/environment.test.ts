import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '@/env';
import { problemsOf } from '@/test/environment';
import {
  parseYamlFile,
  readRepositoryFile,
  variablesInDotenv,
  variablesInMarkdownTable,
} from './files';

/** Read by libraries the app configures, not by src/env.ts. */
const STANDARD_VARIABLES = ['OTEL_EXPORTER_OTLP_HEADERS'];

const known = new Set<string>([...ENV_VARIABLES, ...STANDARD_VARIABLES]);

const kubernetes = (file: string) =>
  parseYamlFile(`deploy/kubernetes/${file}`)[0] as {
    data?: Record<string, string>;
    stringData?: Record<string, string>;
  };
const configMap = kubernetes('configmap.yaml').data ?? {};
const secret = kubernetes('secret.yaml').stringData ?? {};
const migrationSecret = kubernetes('migration-secret.yaml').stringData ?? {};
const compose = parseYamlFile('deploy/compose.yaml')[0] as {
  services: Record<string, { build?: unknown; environment?: Record<string, string> }>;
};
const composeAppServices = Object.entries(compose.services).filter(([, service]) => service.build);

/** Values that pass validation, standing in for the Secret's placeholders. */
const SECRET_VALUES: Record<string, string> = {
  DATABASE_URL: 'postgres://clientele_runtime:secret@postgres:5432/clientele',
  REDIS_URL: 'redis://:secret@redis:6379',
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  METRICS_TOKEN: 'a-metrics-token-of-32-characters',
  SMTP_URL: 'smtps://user:secret@smtp.example.com:465',
  MAIL_HTTP_TOKEN: 'secret',
};

describe('the environment, in step with src/env.ts', () => {
  it('lists every variable of the schema in .env.example, and no other', () => {
    expect([...variablesInDotenv(readRepositoryFile('.env.example'))].sort()).toEqual(
      [...ENV_VARIABLES].sort(),
    );
  });

  it("lists every variable of the schema in docs/configuration.md's table, and no other", () => {
    const documented = variablesInMarkdownTable(
      readRepositoryFile('docs/configuration.md'),
      '# Configuration',
    );
    expect(ENV_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });

  it('sets only variables the app knows, in Kubernetes and in Compose', () => {
    const set = {
      'kubernetes/configmap.yaml': Object.keys(configMap),
      'kubernetes/secret.yaml': Object.keys(secret),
      'kubernetes/migration-secret.yaml': Object.keys(migrationSecret),
      ...Object.fromEntries(
        composeAppServices.map(([name, service]) => [
          `compose.yaml ${name}`,
          Object.keys(service.environment ?? {}),
        ]),
      ),
    };
    for (const [where, names] of Object.entries(set)) {
      expect(
        names.filter((name) => !known.has(name)),
        where,
      ).toEqual([]);
    }
    expect(Object.keys(configMap).filter((name) => name in secret)).toEqual([]);
  });

  it('keeps secrets out of the ConfigMap', () => {
    for (const name of Object.keys(configMap)) {
      expect(name).not.toMatch(/TOKEN|PASSWORD|SECRET|KEY|DATABASE_URL|REDIS_URL|SMTP_URL/);
    }
  });

  it('gives the app a valid production environment once the placeholders are replaced', () => {
    const production = { NODE_ENV: 'production', ...configMap };
    expect(problemsOf({ ...production, ...SECRET_VALUES })).toEqual([]);
    expect(Object.keys(SECRET_VALUES).sort()).toEqual(Object.keys(secret).sort());
    const refused = problemsOf({ ...production, ...secret }).map((p) => p.split(/[=:]/)[0]);
    expect(refused).toEqual(expect.arrayContaining(['ENCRYPTION_KEY', 'METRICS_TOKEN']));
    // The migration Job's: the pods' settings and the owner's login.
    const owner = { MIGRATION_DATABASE_URL: 'postgres://clientele:secret@postgres:5432/clientele' };
    expect(Object.keys(owner)).toEqual(Object.keys(migrationSecret));
    expect(problemsOf({ ...production, ...SECRET_VALUES, ...owner })).toEqual([]);
  });
});
