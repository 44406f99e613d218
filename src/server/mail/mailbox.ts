import { randomUUID } from 'node:crypto';
import { processSingleton } from '@/server/runtime-global';
import type { MailMessage } from './message';

export interface MailboxEntry extends MailMessage {
  id: string;
  receivedAt: Date;
}

const CAPACITY = 200;

/** The development mailbox: messages kept in memory and shown at /dev/mailbox. */
export const devMailbox = () => processSingleton('mailbox', () => [] as MailboxEntry[]);

export function deliverToMailbox(message: MailMessage): MailboxEntry {
  const entry = { ...message, id: randomUUID(), receivedAt: new Date() };
  const box = devMailbox();
  box.unshift(entry);
  box.length = Math.min(box.length, CAPACITY);
  return entry;
}
