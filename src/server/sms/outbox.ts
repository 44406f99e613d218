import type { Logger } from 'pino';
import type { SecretBox } from '@/server/crypto/secret-box';
import type { Transaction } from '@/server/db/types';
import type { SmsJob, SmsMessage } from '@/server/domain/notifications/channel-jobs';
import type { JobQueue } from '@/server/jobs/queue';
import { SmsRefusedError, type SendSms } from './transport';

const SEAL_CONTEXT = 'sms-job';

export interface SmsOutbox {
  jobs: JobQueue;
  secretBox: SecretBox;
}

/**
 * Queues an SMS in the caller's transaction. A phone number and what it is told (a sign-in
 * code, a customer's name) are personal data, so the job holds them sealed.
 */
export async function queueSms(outbox: SmsOutbox, tx: Transaction, message: SmsMessage) {
  const job: SmsJob = {
    sealed: outbox.secretBox.seal(
      JSON.stringify({ to: message.to, text: message.text }),
      SEAL_CONTEXT,
    ),
  };
  await outbox.jobs.enqueue(tx, 'sms', job);
}

/**
 * The job handler: opens the message and hands it to the transport. A message the provider
 * refused for good is logged and dropped; any other failure throws, so the job is retried.
 */
export function smsJobHandler(secretBox: SecretBox, send: SendSms, logger: Logger) {
  return async (data: unknown) => {
    const { sealed } = data as SmsJob;
    try {
      await send(JSON.parse(secretBox.open(sealed, SEAL_CONTEXT)) as SmsMessage);
    } catch (error) {
      if (!(error instanceof SmsRefusedError)) throw error;
      logger.warn({ status: error.status, error: error.message }, 'sms refused; not retried');
    }
  };
}
