'use client';

import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

export function ResendVerificationButton({ email }: { email: string }) {
  const resend = api.auth.resendVerification.useMutation({
    onSuccess: () => toast.success(`We sent a new link to ${email}`),
    onError: (error) => toast.error(describeError(error)),
  });
  return (
    <Button
      variant="outline"
      size="sm"
      className="ml-auto"
      onClick={() => resend.mutate()}
      disabled={resend.isPending}
    >
      Send the link again
    </Button>
  );
}
