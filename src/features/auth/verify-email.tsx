'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

export function VerifyEmail({ token }: { token: string | undefined }) {
  const utils = api.useUtils();
  const verify = api.auth.verifyEmail.useMutation({
    // A signed-in person's "verify your address" banner goes away.
    onSuccess: () => utils.auth.me.invalidate(),
  });
  // The token works once: Strict Mode runs effects twice in development, so remember the call.
  const started = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    mutate({ token });
  }, [token, mutate]);

  let body: React.ReactNode;
  let footer: React.ReactNode = null;
  if (!token) {
    body = (
      <p role="alert" className="text-sm text-destructive">
        This verification link is incomplete. Open the link from the e-mail again.
      </p>
    );
    footer = <SignInLink />;
  } else if (verify.isSuccess) {
    body = (
      <p role="status" className="text-sm">
        Your e-mail address <strong className="break-all">{verify.data.email}</strong> is verified.
      </p>
    );
    footer = (
      <Button asChild className="w-full">
        <Link href="/customers">Continue to Clientele</Link>
      </Button>
    );
  } else if (verify.isError) {
    body = (
      <p role="alert" className="text-sm text-destructive">
        {describeError(verify.error)}
      </p>
    );
    footer = <SignInLink />;
  } else {
    body = (
      <p role="status" className="text-sm text-muted-foreground">
        Verifying…
      </p>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Verify your e-mail address</CardTitle>
      </CardHeader>
      <CardContent>{body}</CardContent>
      {footer ? <CardFooter>{footer}</CardFooter> : null}
    </Card>
  );
}

function SignInLink() {
  return (
    <Link href="/sign-in" className="text-sm font-medium underline underline-offset-4">
      Go to sign in
    </Link>
  );
}
