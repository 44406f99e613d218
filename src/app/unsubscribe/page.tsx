import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { describeUnsubscribe } from '@/server/domain/notifications/settings';
import { getServices } from '@/server/runtime';

export const metadata: Metadata = { title: 'Unsubscribe' };

/**
 * Where an e-mail's unsubscribe link leads, signed in or not: it asks before turning anything
 * off (mail scanners open links), with a plain form that works without JavaScript.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token, done, invalid } = await searchParams;
  const types =
    typeof token === 'string' ? describeUnsubscribe((await getServices()).secretBox, token) : null;

  let body: React.ReactNode;
  let footer: React.ReactNode = (
    <Button asChild variant="outline" className="w-full">
      <Link href="/settings/notifications">Choose what you get</Link>
    </Button>
  );
  if (done) {
    body = (
      <p role="status" className="text-sm">
        You are unsubscribed: these e-mails will stop. Notifications still appear in the app.
      </p>
    );
  } else if (invalid || !types) {
    body = (
      <p role="alert" className="text-sm text-destructive">
        This unsubscribe link is not valid. Open the link from the e-mail again, or choose what you
        get in your notification settings.
      </p>
    );
  } else {
    body = (
      <>
        <p className="text-sm">Stop e-mails about:</p>
        <ul className="list-disc pl-5 text-sm">
          {types.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      </>
    );
    footer = (
      <form
        method="post"
        action={`/api/unsubscribe?token=${encodeURIComponent(String(token))}`}
        className="w-full"
      >
        <Button type="submit" className="w-full">
          Unsubscribe
        </Button>
      </form>
    );
  }

  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>Unsubscribe</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2">{body}</CardContent>
        <CardFooter>{footer}</CardFooter>
      </Card>
    </main>
  );
}
