import type { Throttle } from '@/server/rate-limit/throttle';
import type { Database } from '@/server/db/types';
import type { MailOutbox } from '@/server/mail/outbox';
import type { Logger } from 'pino';

export interface ClientInfo {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** What account flows need from the request and the process. */
export interface AccountDeps {
  db: Database;
  outbox: MailOutbox;
  appUrl: string;
  throttle: Throttle;
  client: ClientInfo;
  logger: Logger;
}
