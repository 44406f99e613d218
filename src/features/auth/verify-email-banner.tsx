'use client';

import { MailWarningIcon } from 'lucide-react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

export function VerifyEmailBanner({ email }: { email: string }) {
  const resend = api.auth.resendVerification.useMutation({
    onSuccess: () => toast.success(`We sent a new link to ${email}`),
    onError: (error) => toast.error(describeError(error)),
  });
  return (
    <div className="border-b bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2 text-sm">
        <MailWarningIcon className="size-4" aria-hidden="true" />
        <p>
          Verify your e-mail address: follow the link we sent to <strong>{email}</strong>.
        </p>
        <Button
          variant="outline"
          size="sm"
          className="ml-auto"
          onClick={() => resend.mutate()}
          disabled={resend.isPending}
        >
          Send the link again
        </Button>
      </div>
    </div>
  );
}
