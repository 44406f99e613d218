'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '@/components/form-error';
import { NewPasswordField } from '@/components/password-field';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { CardContent, CardFooter } from '@/components/ui/card';
import { useFormError } from '@/lib/form-errors';
import { linkToken, passwordResetInput } from '@/schemas/auth';
import { api } from '@/trpc/react';
import { AuthCard, AuthForm, AuthLink } from './auth-card';

/** The token comes from the link, not from the person: the form only asks for the password. */
const newPasswordForm = passwordResetInput.omit({ token: true });
type NewPasswordForm = z.input<typeof newPasswordForm>;

const FIELDS = ['password'] as const;

export function ResetPasswordForm({ token }: { token: string | undefined }) {
  if (!token || !linkToken.safeParse(token).success) {
    return (
      <AuthCard title="Set a new password">
        <CardContent>
          <FormError message="This password reset link is incomplete or invalid. Open the link from the e-mail again, or ask for a new one." />
        </CardContent>
        <CardFooter>
          <AuthLink href="/forgot-password" className="text-sm">
            Ask for a new reset link
          </AuthLink>
        </CardFooter>
      </AuthCard>
    );
  }
  return <NewPasswordStep token={token} />;
}

function NewPasswordStep({ token }: { token: string }) {
  const form = useForm<NewPasswordForm>({
    resolver: zodResolver(newPasswordForm),
    defaultValues: { password: '' },
  });
  const { formError, clearFormError, showServerError } = useFormError(form.setError, FIELDS);
  const reset = api.auth.resetPassword.useMutation({
    onSuccess: () => form.reset({ password: '' }),
    onError: showServerError,
  });

  if (reset.isSuccess) {
    return (
      <AuthCard title="Password changed">
        <CardContent>
          <p role="status" className="text-sm">
            Your password was changed and every session was signed out.
          </p>
        </CardContent>
        <CardFooter>
          <Button asChild className="w-full">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </CardFooter>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Set a new password"
      description="Choose a new password. Every device signed in to your account will be signed out."
    >
      <AuthForm
        onSubmit={form.handleSubmit((values) => {
          clearFormError();
          reset.mutate({ token, password: values.password });
        })}
        footer={
          <>
            <SubmitButton className="w-full" pending={reset.isPending} pendingLabel="Saving…">
              Set new password
            </SubmitButton>
            <p className="text-sm text-muted-foreground">
              <AuthLink href="/sign-in">Back to sign in</AuthLink>
            </p>
          </>
        }
      >
        <FormError message={formError}>
          <p className="mt-1">
            <Link href="/forgot-password" className="font-medium underline underline-offset-4">
              Ask for a new reset link
            </Link>
          </p>
        </FormError>
        <NewPasswordField form={form} name="password" label="New password" />
      </AuthForm>
    </AuthCard>
  );
}
