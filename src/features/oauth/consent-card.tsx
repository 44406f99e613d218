'use client';

import { Check, X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@/components/ui/card';

export interface ConsentView {
  uid: string;
  appName: string;
  logoUrl: string | null;
  organizationName: string;
  redirectHost: string | null;
  member: boolean;
  /** What the app will be allowed, in words. */
  granted: string[];
  /** What it asked for that the person's role does not allow. */
  withheld: string[];
  /** Whether it keeps access while the person is away (a refresh token). */
  offline: boolean;
}

/**
 * Allow or deny. The answer goes to the authorization server, which says where the browser
 * goes next (back to the app, with a code or with the refusal).
 */
export function ConsentCard({
  request,
  signedInAs,
}: {
  request: ConsentView | null;
  signedInAs: string;
}) {
  const [pending, setPending] = useState<'confirm' | 'deny' | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!request) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>This request has ended</CardTitle>
          <CardDescription>
            It expired, was answered already, or was started by someone else. Go back to the app and
            connect it again.
          </CardDescription>
        </CardHeader>
      </Card>
    );
  }

  const answer = async (action: 'confirm' | 'deny') => {
    setPending(action);
    setError(null);
    try {
      const res = await fetch(`/oauth/interaction/${encodeURIComponent(request.uid)}/${action}`, {
        method: 'POST',
      });
      const body = (await res.json()) as { redirectTo?: string; message?: string };
      if (!res.ok || !body.redirectTo) throw new Error(body.message ?? 'The answer was refused');
      window.location.assign(body.redirectTo);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setPending(null);
    }
  };

  return (
    <Card>
      <CardHeader>
        {request.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- an app's own logo, any host
          <img src={request.logoUrl} alt="" className="mb-2 size-12 rounded-md" />
        ) : null}
        <CardTitle>
          {request.appName} wants to use your account in {request.organizationName}
        </CardTitle>
        <CardDescription>
          Signed in as {signedInAs}.
          {request.redirectHost ? ` You will be sent back to ${request.redirectHost}.` : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {request.member ? (
          <>
            <section aria-labelledby="consent-granted">
              <h2 id="consent-granted" className="mb-2 font-medium">
                It will be able to
              </h2>
              <ul className="space-y-1">
                {request.granted.map((line) => (
                  <li key={line} className="flex gap-2">
                    <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
                    {line}
                  </li>
                ))}
                {request.offline ? (
                  <li className="flex gap-2">
                    <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
                    Keep this access while you are away, until you disconnect it
                  </li>
                ) : null}
              </ul>
            </section>
            {request.withheld.length ? (
              <section aria-labelledby="consent-withheld">
                <h2 id="consent-withheld" className="mb-2 font-medium">
                  Your role does not allow, so it will not get
                </h2>
                <ul className="space-y-1 text-muted-foreground">
                  {request.withheld.map((line) => (
                    <li key={line} className="flex gap-2">
                      <X aria-hidden className="mt-0.5 size-4 shrink-0" />
                      {line}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <p className="text-muted-foreground">
              It acts with your role, never more: if your role changes, so does what it may do. You
              can disconnect it in Settings.
            </p>
          </>
        ) : (
          <p role="alert">
            You do not work in {request.organizationName}, so you cannot connect this app to it.
          </p>
        )}
        {error ? (
          <p role="alert" className="text-destructive">
            {error}
          </p>
        ) : null}
      </CardContent>
      <CardFooter className="justify-end gap-2">
        <Button variant="outline" disabled={pending !== null} onClick={() => void answer('deny')}>
          {request.member ? 'Deny' : 'Back to the app'}
        </Button>
        {request.member ? (
          <Button disabled={pending !== null} onClick={() => void answer('confirm')}>
            {pending === 'confirm' ? 'Allowing…' : 'Allow'}
          </Button>
        ) : null}
      </CardFooter>
    </Card>
  );
}
