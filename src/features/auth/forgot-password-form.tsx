'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '@/components/form-error';
import { FormTextField } from '@/components/form-field';
import { SubmitButton } from '@/components/submit-button';
import { CardContent, CardFooter } from '@/components/ui/card';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { passwordResetRequestInput } from '@/schemas/auth';
import { api } from '@/trpc/react';
import { AuthCard, AuthLink } from './auth-card';

type PasswordResetRequestInput = z.input<typeof passwordResetRequestInput>;

const FIELDS = ['email'] as const;

export function ForgotPasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PasswordResetRequestInput>({
    resolver: zodResolver(passwordResetRequestInput),
    defaultValues: { email: '' },
  });
  const request = api.auth.requestPasswordReset.useMutation({
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, FIELDS)) setFormError(describeError(error));
    },
  });

  return (
    <AuthCard
      title="Reset your password"
      description="Enter the e-mail address of your account and we will send you a link to set a new password."
    >
      {request.isSuccess ? (
        <CardContent>
          {/* The same answer whether or not the address has an account. */}
          <p role="status" className="rounded-md border bg-muted/50 p-3 text-sm">
            If an account exists for that address, we sent a link to reset the password. It works
            for one hour.
          </p>
        </CardContent>
      ) : (
        <form
          method="post"
          noValidate
          onSubmit={form.handleSubmit((values) => {
            setFormError(null);
            request.mutate(values);
          })}
        >
          <CardContent className="grid gap-4">
            <FormError message={formError} />
            <FormTextField
              form={form}
              name="email"
              label="Email"
              type="email"
              autoComplete="email"
            />
            <SubmitButton className="w-full" pending={request.isPending} pendingLabel="Sending…">
              Send reset link
            </SubmitButton>
          </CardContent>
        </form>
      )}
      <CardFooter>
        <p className="text-sm text-muted-foreground">
          Remembered it? <AuthLink href="/sign-in">Back to sign in</AuthLink>
        </p>
      </CardFooter>
    </AuthCard>
  );
}
