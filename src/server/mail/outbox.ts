import type { SecretBox } from '@/server/crypto/secret-box';
import type { Transaction } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import type { MailMessage } from './message';
import type { SendMail } from './transport';

const SEAL_CONTEXT = 'mail-job';

export interface MailOutbox {
  jobs: JobQueue;
  secretBox: SecretBox;
}

/**
 * Queues a message in the caller's transaction. Messages carry one-time links, so the job
 * holds them sealed: nothing readable about them rests in the database.
 */
export async function queueMail(outbox: MailOutbox, tx: Transaction, message: MailMessage) {
  await outbox.jobs.enqueue(tx, 'mail', {
    sealed: outbox.secretBox.seal(JSON.stringify(message), SEAL_CONTEXT),
  });
}

/** The job handler: opens the message and hands it to the transport. */
export function mailJobHandler(secretBox: SecretBox, send: SendMail) {
  return async (data: unknown) => {
    const { sealed } = data as { sealed: string };
    await send(JSON.parse(secretBox.open(sealed, SEAL_CONTEXT)) as MailMessage);
  };
}
