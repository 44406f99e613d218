import proxyAddr from 'proxy-addr';
import type { Logger } from 'pino';
import { DEFAULT_CREDENTIAL_CACHE_SECONDS, DEFAULT_DASHBOARD_CACHE_SECONDS, type Env } from '@/env';
import { DEFAULT_SENDING_LIMITS } from '@/schemas/notification-settings';
import { SecretBox } from './crypto/secret-box';
import { drizzleFor, type Connection } from './db/connection';
import type { Database } from './db/types';
import { credentialCaches, type CredentialCaches } from './auth/credential-cache';
import { FiguresCache } from './domain/dashboard/figures-cache';
import { checkpointKeys } from './domain/audit/checkpoint-signature';
import { AuditCheckpointWriter, CHECKPOINT_SCHEDULE } from './domain/audit/write-checkpoints';
import { runImport, type ImportJob } from './domain/imports/run-import';
import type { PushJob } from './domain/notifications/channel-jobs';
import {
  deliverNotification,
  sendDigest,
  type ChannelDeps,
  type DigestJob,
  type NotificationJob,
  type SendingLimits,
} from './domain/notifications/deliver';
import { deliverPush, type PushDeliveryDeps } from './domain/notifications/push';
import { sendTaskReminder, type ReminderJob } from './domain/tasks/reminders';
import {
  DELIVERIES_AT_ONCE,
  DELIVERIES_AT_ONCE_PER_ENDPOINT,
  deliverWebhook,
  type DeliveryDeps,
  type WebhookJob,
} from './domain/webhooks/deliver';
import { runMaintenance } from './jobs/maintenance';
import { EventBus } from './events/bus';
import { JobQueue } from './jobs/queue';
import { mailJobHandler } from './mail/outbox';
import { stopTracing } from './observability/tracing';
import { createMailTransport, type MailSettings } from './mail/transport';
import { vapidSettingsFromEnv, type VapidSettings } from './push/vapid';
import { smsJobHandler } from './sms/outbox';
import { createSmsTransport, type SmsSettings } from './sms/transport';
import { RateLimiter, rateLimiterBackend, type RateLimiterBackend } from './rate-limit/limiter';
import type { RateLimitRule, RateLimitRuleName } from './rate-limit/rules';

export type TrustProxy = (address: string, hop: number) => boolean;

/** What a request needs besides its own data, built once per process (or per test). */
export interface AppServices {
  db: Database;
  appUrl: string;
  secureCookies: boolean;
  jobs: JobQueue;
  rateLimiter: RateLimiter;
  secretBox: SecretBox;
  trustProxy: TrustProxy;
  mail: MailSettings;
  sms: SmsSettings;
  events: EventBus;
  /** API keys and OAuth access tokens resolved earlier, dropped as their access changes. */
  credentials: CredentialCaches;
  /** The dashboard's figures, kept per state of each organization. */
  figures: FiguresCache;
  webhooks: WebhookSettings;
  /** The VAPID keys Web Push is sent with; null when push is off. */
  push: VapidSettings | null;
  /** Read notifications older than this are deleted by the hourly upkeep. */
  notificationRetentionDays: number;
  /** What one organization may send per hour by e-mail and SMS. */
  notificationLimits: SendingLimits;
  auditCheckpoints: AuditCheckpointWriter;
  logger: Logger;
}

export interface WebhookSettings {
  /** Lets webhooks reach private, loopback and link-local addresses (local receivers). */
  allowPrivateTargets: boolean;
}

export interface ServiceSettings {
  appUrl: string;
  encryptionKey: string;
  trustProxy: string;
  rateLimit: RateLimiterBackend;
  limits: { restPerKey: number; restPerOrganization: number; trpcPerUser: number };
  rateLimitOverrides?: Partial<Record<RateLimitRuleName, RateLimitRule>>;
  rateLimitKeyPrefix?: string;
  /** CREDENTIAL_CACHE_SECONDS, 0 for off; its default when not given. */
  credentialCacheSeconds?: number;
  /** DASHBOARD_CACHE_SECONDS, 0 for off; its default when not given. */
  dashboardCacheSeconds?: number;
  mail: MailSettings;
  /** Where SMS goes; the log, without texts, when not given (tests that send none). */
  sms?: SmsSettings;
  webhooks: WebhookSettings;
  /** Web Push's VAPID keys; push is off when null or not given. */
  push?: VapidSettings | null;
  notificationRetentionDays: number;
  /** NOTIFICATION_EMAILS_PER_HOUR and NOTIFICATION_SMS_PER_HOUR; their defaults when not given. */
  notificationLimits?: SendingLimits;
  /** AUDIT_CHECKPOINT_KEY (else derived from encryptionKey) and AUDIT_CHECKPOINT_DIR. */
  auditCheckpoints?: { key?: string; directory?: string };
}

export function serviceSettingsFromEnv(config: Env): ServiceSettings {
  return {
    appUrl: config.APP_URL,
    encryptionKey: config.ENCRYPTION_KEY,
    trustProxy: config.TRUST_PROXY,
    rateLimit: rateLimiterBackend(config),
    credentialCacheSeconds: config.CREDENTIAL_CACHE_SECONDS,
    dashboardCacheSeconds: config.DASHBOARD_CACHE_SECONDS,
    limits: {
      restPerKey: config.RATE_LIMIT_REST_PER_KEY,
      restPerOrganization: config.RATE_LIMIT_REST_PER_ORG,
      trpcPerUser: config.RATE_LIMIT_TRPC_PER_USER,
    },
    mail: {
      transport: config.MAIL_TRANSPORT,
      from: config.MAIL_FROM,
      smtpUrl: config.SMTP_URL,
      httpUrl: config.MAIL_HTTP_URL,
      httpToken: config.MAIL_HTTP_TOKEN,
      logBodies: config.NODE_ENV !== 'production',
    },
    sms: {
      transport: config.SMS_TRANSPORT,
      httpUrl: config.SMS_HTTP_URL,
      httpToken: config.SMS_HTTP_TOKEN,
      from: config.SMS_FROM,
      logBodies: config.NODE_ENV !== 'production',
    },
    webhooks: { allowPrivateTargets: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS },
    push: vapidSettingsFromEnv(config),
    notificationRetentionDays: config.NOTIFICATION_RETENTION_DAYS,
    notificationLimits: {
      emailsPerHour: config.NOTIFICATION_EMAILS_PER_HOUR,
      smsPerHour: config.NOTIFICATION_SMS_PER_HOUR,
    },
    auditCheckpoints: { key: config.AUDIT_CHECKPOINT_KEY, directory: config.AUDIT_CHECKPOINT_DIR },
  };
}

export async function createServices(
  connection: Connection,
  settings: ServiceSettings,
  logger: Logger,
  options: { jobMaintenance?: boolean } = {},
): Promise<AppServices> {
  const jobs = new JobQueue(connection, logger, { maintenance: options.jobMaintenance });
  await jobs.start();
  const events = new EventBus(logger);
  await events.start(connection);
  const credentials = credentialCaches(
    (settings.credentialCacheSeconds ?? DEFAULT_CREDENTIAL_CACHE_SECONDS) * 1000,
  );
  credentials.apiKeys.follow(events);
  credentials.oauthTokens.follow(events);
  const figures = FiguresCache.open(
    settings.rateLimit,
    settings.dashboardCacheSeconds ?? DEFAULT_DASHBOARD_CACHE_SECONDS,
    logger,
  );
  const rateLimiter = new RateLimiter({
    backend: settings.rateLimit,
    limits: settings.limits,
    overrides: settings.rateLimitOverrides,
    keyPrefix: settings.rateLimitKeyPrefix,
    logger,
  });
  await rateLimiter.ready();
  return {
    db: drizzleFor(connection.client, connection.replicaClients),
    appUrl: settings.appUrl,
    secureCookies: settings.appUrl.startsWith('https:'),
    jobs,
    rateLimiter,
    secretBox: new SecretBox(settings.encryptionKey),
    trustProxy: trustProxyFunction(settings.trustProxy),
    mail: settings.mail,
    sms: settings.sms ?? { transport: 'log', logBodies: false },
    events,
    credentials,
    figures,
    webhooks: settings.webhooks,
    push: settings.push ?? null,
    notificationRetentionDays: settings.notificationRetentionDays,
    notificationLimits: settings.notificationLimits ?? DEFAULT_SENDING_LIMITS,
    auditCheckpoints: new AuditCheckpointWriter(
      {
        keys: checkpointKeys({
          checkpointKey: settings.auditCheckpoints?.key,
          encryptionKey: settings.encryptionKey,
        }),
        directory: settings.auditCheckpoints?.directory,
      },
      logger,
    ),
    logger,
  };
}

/**
 * Starts this process's workers: mail, SMS, customer imports, webhook deliveries (several at once,
 * a few at most to any one endpoint, so that a slow receiver holds up no other), the hourly
 * maintenance and the audit checkpoints every five minutes (both scheduled once across all
 * instances).
 */
export async function startWorkers(services: AppServices): Promise<void> {
  const send = createMailTransport(services.mail, services.logger);
  services.jobs.work('mail', mailJobHandler(services.secretBox, send), { concurrency: 4 });
  const sendSms = createSmsTransport(services.sms, services.logger);
  services.jobs.work('sms', smsJobHandler(services.secretBox, sendSms, services.logger), {
    concurrency: 4,
  });
  services.jobs.work('import', (data) => runImport(services, data as ImportJob));
  services.jobs.work(
    'webhook',
    (data) => deliverWebhook(webhookDeliveryDeps(services), data as WebhookJob),
    {
      concurrency: DELIVERIES_AT_ONCE,
      perKey: { field: 'endpointId', limit: DELIVERIES_AT_ONCE_PER_ENDPOINT },
    },
  );
  services.jobs.work('reminder', (data) => sendTaskReminder(services, data as ReminderJob));
  services.jobs.work(
    'notification',
    (data) => deliverNotification(channelDeps(services), data as NotificationJob),
    { concurrency: 4 },
  );
  services.jobs.work('digest', (data) => sendDigest(channelDeps(services), data as DigestJob));
  services.jobs.work('push', (data) => deliverPush(pushDeliveryDeps(services), data as PushJob), {
    concurrency: 4,
  });
  services.jobs.work('maintenance', async () => {
    services.logger.info(
      await runMaintenance(services.db, {
        notificationRetentionDays: services.notificationRetentionDays,
      }),
      'maintenance done',
    );
  });
  await services.jobs.schedule('maintenance', '17 * * * *');
  services.jobs.work('audit-checkpoint', async () => {
    await services.auditCheckpoints.write(services.db);
  });
  await services.jobs.schedule('audit-checkpoint', CHECKPOINT_SCHEDULE);
}

export const webhookDeliveryDeps = (services: AppServices): DeliveryDeps => ({
  ...services,
  allowPrivateTargets: services.webhooks.allowPrivateTargets,
});

export const channelDeps = (services: AppServices): ChannelDeps => ({
  ...services,
  limits: services.notificationLimits,
});

export const pushDeliveryDeps = (services: AppServices): PushDeliveryDeps => ({
  ...services,
  allowPrivateTargets: services.webhooks.allowPrivateTargets,
});

export async function stopServices(services: AppServices): Promise<void> {
  await services.events.stop();
  await services.jobs.stop();
  await services.rateLimiter.close();
  await services.figures.close();
  await stopTracing();
}

/**
 * TRUST_PROXY: `false` (use the socket address), a number of proxy hops in front of the app,
 * or a comma-separated list of proxy addresses/CIDRs (proxy-addr's names such as `loopback`
 * are allowed). X-Forwarded-For is only read from those proxies.
 */
export function trustProxyFunction(setting: string): TrustProxy {
  if (setting === 'false') return () => false;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(setting.split(',').map((part) => part.trim()));
}
