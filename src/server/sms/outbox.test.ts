import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { SecretBox } from '@/server/crypto/secret-box';
import type { Transaction } from '@/server/db/types';
import type { SmsMessage } from '@/server/domain/notifications/channel-jobs';
import type { JobQueue } from '@/server/jobs/queue';
import { queueSms, smsJobHandler } from './outbox';
import { SmsRefusedError } from './transport';

const secretBox = new SecretBox(randomBytes(32).toString('base64'));
const silent = pino({ level: 'silent' });
const message: SmsMessage = { to: '+351912345678', text: 'Your Clientele code is 654321' };

/** Queues the message through a queue that keeps what it is given; returns the job's data. */
async function queuedJob() {
  const enqueue = vi.fn(async () => 'job-1');
  const tx = {} as Transaction;
  await queueSms({ jobs: { enqueue } as unknown as JobQueue, secretBox }, tx, message);
  expect(enqueue).toHaveBeenCalledTimes(1);
  const [givenTx, queue, data] = enqueue.mock.calls[0] as unknown as [Transaction, string, object];
  expect(givenTx).toBe(tx);
  expect(queue).toBe('sms');
  return data;
}

describe('the SMS outbox', () => {
  it('queues the message sealed: neither the number nor the text is readable in the job', async () => {
    const data = await queuedJob();
    expect(Object.keys(data)).toEqual(['sealed']);
    const stored = JSON.stringify(data);
    expect(stored).not.toContain('351912345678');
    expect(stored).not.toContain('654321');
  });

  it('opens the job and hands the message to the transport', async () => {
    const send = vi.fn(async () => {});
    await smsJobHandler(secretBox, send, silent)(await queuedJob());
    expect(send).toHaveBeenCalledWith(message);
  });

  it('fails the job when sending fails, so it is retried', async () => {
    const send = vi.fn(async () => {
      throw new Error('The SMS API answered 503');
    });
    await expect(smsJobHandler(secretBox, send, silent)(await queuedJob())).rejects.toThrow(/503/);
  });

  it('ends the job without a retry when the provider refuses the message for good', async () => {
    const warn = vi.fn();
    const logger = { warn } as unknown as pino.Logger;
    const send = vi.fn(async () => {
      throw new SmsRefusedError(400, 'invalid number');
    });
    await expect(
      smsJobHandler(secretBox, send, logger)(await queuedJob()),
    ).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses a job sealed by another key', async () => {
    const other = new SecretBox(randomBytes(32).toString('base64'));
    const send = vi.fn(async () => {});
    await expect(smsJobHandler(other, send, silent)(await queuedJob())).rejects.toThrow();
    expect(send).not.toHaveBeenCalled();
  });
});
