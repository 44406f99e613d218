import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { env } from '@/env';
import { MailboxList } from '@/features/dev/mailbox-list';
import { devMailbox } from '@/server/mail/mailbox';

export const metadata: Metadata = { title: 'Development mailbox' };

// Messages arrive while the app runs: read the mailbox on every request.
export const dynamic = 'force-dynamic';

export default function DevMailboxPage() {
  if (env().MAIL_TRANSPORT !== 'mailbox') notFound();
  const messages = [...devMailbox()].sort(
    (a, b) => b.receivedAt.getTime() - a.receivedAt.getTime(),
  );
  return (
    <main className="mx-auto max-w-3xl p-6">
      <MailboxList messages={messages} />
    </main>
  );
}
