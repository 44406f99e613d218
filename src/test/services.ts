import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from '@/server/db/connection';
import { devMailbox } from '@/server/mail/mailbox';
import { mailJobHandler } from '@/server/mail/outbox';
import { createMailTransport } from '@/server/mail/transport';
import type { RateLimiterBackend } from '@/server/rate-limit/limiter';
import { RATE_LIMIT_RULES } from '@/server/rate-limit/rules';
import {
  createServices,
  stopServices,
  type AppServices,
  type ServiceSettings,
} from '@/server/services';
import { TEST_APP_URL } from './factories';
import { setupTestDatabase } from './database';

export const testLogger = pino({ level: 'silent' });

/** Every credential limit raised far out of a test's way (rate-limit tests set their own). */
const GENEROUS = Object.fromEntries(
  Object.entries(RATE_LIMIT_RULES).map(([name, rule]) => [
    name,
    { ...rule, limit: rule.limit * 1000 },
  ]),
);

export function testServiceSettings(overrides: Partial<ServiceSettings> = {}): ServiceSettings {
  return {
    rateLimitOverrides: GENEROUS,
    // Counters in a shared Redis outlive a test run: every set of services counts afresh.
    rateLimitKeyPrefix: `test:${randomBytes(6).toString('hex')}`,
    appUrl: TEST_APP_URL,
    encryptionKey: randomBytes(32).toString('base64'),
    trustProxy: 'false',
    rateLimit: { kind: 'memory' },
    limits: { restPerKey: 600, restPerOrganization: 6000, trpcPerUser: 600 },
    mail: { transport: 'mailbox', from: 'Clientele <no-reply@example.test>', logBodies: false },
    // Tests receive webhooks on 127.0.0.1; the refusal itself is tested with this off.
    webhooks: { allowPrivateTargets: true },
    notificationRetentionDays: 90,
    ...overrides,
  };
}

export async function createTestServices(
  connection: Connection,
  overrides: Partial<ServiceSettings> = {},
) {
  return createServices(connection, testServiceSettings(overrides), testLogger, {
    jobMaintenance: false,
  });
}

/** The test file's database and services, torn down after the file. */
export function setupTestServices(overrides: Partial<ServiceSettings> = {}) {
  const connection = setupTestDatabase();
  let services: AppServices | undefined;
  beforeAll(async () => {
    services = await createTestServices(connection(), overrides);
  });
  afterAll(async () => {
    if (services) await stopServices(services);
  });
  return {
    connection,
    services: () => {
      if (!services) throw new Error('The test services are not ready yet');
      return services;
    },
  };
}

/** Rate limits on Redis when REDIS_URL is set (CI), else in memory. */
export function rateLimitBackendForTests(): RateLimiterBackend {
  return process.env.REDIS_URL ? { kind: 'redis', url: process.env.REDIS_URL } : { kind: 'memory' };
}

/** Delivers the queued mail now, into the development mailbox. */
export async function deliverMail(services: AppServices) {
  const send = createMailTransport(services.mail, testLogger);
  return services.jobs.drain('mail', mailJobHandler(services.secretBox, send));
}

/** The newest message to an address (with that subject, if given), after delivering what is queued. */
export async function lastMailTo(services: AppServices, to: string, subject?: string) {
  await deliverMail(services);
  return devMailbox().find(
    (message) =>
      message.to.toLowerCase() === to.toLowerCase() && (!subject || message.subject === subject),
  );
}

/** The token of the first link in a message (`...?token=...`). */
export function tokenIn(text: string | undefined): string {
  const match = /token=([a-z2-7]{52})/.exec(text ?? '');
  if (!match) throw new Error(`No link with a token in: ${text}`);
  return match[1]!;
}
