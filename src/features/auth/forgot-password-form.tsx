'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '@/components/form-error';
import { FormTextField } from '@/components/form-field';
import { SubmitButton } from '@/components/submit-button';
import { CardContent, CardFooter } from '@/components/ui/card';
import { useFormError } from '@/lib/form-errors';
import { passwordResetRequestInput } from '@/schemas/auth';
import { api } from '@/trpc/react';
import { AuthCard, AuthForm, AuthLink } from './auth-card';

type PasswordResetRequestInput = z.input<typeof passwordResetRequestInput>;

const FIELDS = ['email'] as const;

export function ForgotPasswordForm() {
  const form = useForm<PasswordResetRequestInput>({
    resolver: zodResolver(passwordResetRequestInput),
    defaultValues: { email: '' },
  });
  const { formError, clearFormError, showServerError } = useFormError(form.setError, FIELDS);
  const request = api.auth.requestPasswordReset.useMutation({ onError: showServerError });

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
        <AuthForm
          onSubmit={form.handleSubmit((values) => {
            clearFormError();
            request.mutate(values);
          })}
        >
          <FormError message={formError} />
          <FormTextField form={form} name="email" label="Email" type="email" autoComplete="email" />
          <SubmitButton className="w-full" pending={request.isPending} pendingLabel="Sending…">
            Send reset link
          </SubmitButton>
        </AuthForm>
      )}
      <CardFooter>
        <p className="text-sm text-muted-foreground">
          Remembered it? <AuthLink href="/sign-in">Back to sign in</AuthLink>
        </p>
      </CardFooter>
    </AuthCard>
  );
}
