import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { MailboxEntry } from '@/server/mail/mailbox';

/** http(s) URLs; a trailing full stop, comma or bracket ends the sentence, not the URL. */
const URL_PATTERN = /(https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]])/g;

/** The text with every URL as a link; the rest stays text, so nothing in it becomes markup. */
function linkify(text: string): React.ReactNode[] {
  // With one capturing group, split puts the matched URLs at the odd indexes.
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all text-primary underline underline-offset-4">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** The development mailbox: a server component, the messages are rendered as they are. */
export function MailboxList({ messages }: { messages: MailboxEntry[] }) {
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Development mailbox</h1>
          <p className="text-sm text-muted-foreground">
            Exists only in development: mail the app sends is kept here, in memory, instead of being
            delivered.
          </p>
        </div>
        <Button asChild variant="outline" size="sm">
          <Link href="/dev/mailbox" prefetch={false}>
            Refresh
          </Link>
        </Button>
      </div>
      {messages.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
          No messages yet. Mail the app sends in development appears here.
        </p>
      ) : (
        <ol className="grid gap-4">
          {messages.map((message) => (
            <li key={message.id}>
              <article className="rounded-lg border bg-card p-4 shadow-sm">
                <h2 className="font-semibold break-words">{message.subject}</h2>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-sm text-muted-foreground">
                  <dt>To</dt>
                  <dd className="break-all">{message.to}</dd>
                  <dt>Time</dt>
                  <dd>
                    <time dateTime={message.receivedAt.toISOString()}>
                      {message.receivedAt.toLocaleString()}
                    </time>
                  </dd>
                </dl>
                <pre className="mt-3 font-sans text-sm whitespace-pre-wrap">
                  {linkify(message.text)}
                </pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
