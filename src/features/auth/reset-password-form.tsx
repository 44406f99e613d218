'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TextField } from '@/components/form-field';
import { Button } from '@/components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@/components/ui/card';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { linkToken, passwordResetInput } from '@/schemas/auth';
import { api } from '@/trpc/react';

/** The token comes from the link, not from the person: the form only asks for the password. */
const newPasswordForm = passwordResetInput.omit({ token: true });
type NewPasswordForm = z.input<typeof newPasswordForm>;

const FIELDS = ['password'] as const;
const linkClassName = 'font-medium text-foreground underline underline-offset-4';

export function ResetPasswordForm({ token }: { token: string | undefined }) {
  if (!token || !linkToken.safeParse(token).success) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Set a new password</CardTitle>
        </CardHeader>
        <CardContent>
          <p
            role="alert"
            className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
          >
            This password reset link is incomplete or invalid. Open the link from the e-mail again,
            or ask for a new one.
          </p>
        </CardContent>
        <CardFooter>
          <Link href="/forgot-password" className={`text-sm ${linkClassName}`}>
            Ask for a new reset link
          </Link>
        </CardFooter>
      </Card>
    );
  }
  return <NewPasswordStep token={token} />;
}

function NewPasswordStep({ token }: { token: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewPasswordForm>({
    resolver: zodResolver(newPasswordForm),
    defaultValues: { password: '' },
  });
  const reset = api.auth.resetPassword.useMutation({
    onSuccess: () => form.reset({ password: '' }),
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, FIELDS)) setFormError(describeError(error));
    },
  });
  const { errors } = form.formState;

  if (reset.isSuccess) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Password changed</CardTitle>
        </CardHeader>
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
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Set a new password</CardTitle>
        <CardDescription>
          Choose a new password. Every device signed in to your account will be signed out.
        </CardDescription>
      </CardHeader>
      <form
        method="post"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setFormError(null);
          reset.mutate({ token, password: values.password });
        })}
      >
        <CardContent className="grid gap-4">
          {formError ? (
            <div
              role="alert"
              className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
            >
              <p>{formError}</p>
              <p className="mt-1">
                <Link href="/forgot-password" className="font-medium underline underline-offset-4">
                  Ask for a new reset link
                </Link>
              </p>
            </div>
          ) : null}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
            error={errors.password?.message}
            {...form.register('password')}
          />
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-3">
          <Button type="submit" className="w-full" disabled={reset.isPending}>
            {reset.isPending ? 'Saving…' : 'Set new password'}
          </Button>
          <p className="text-sm text-muted-foreground">
            <Link href="/sign-in" className={linkClassName}>
              Back to sign in
            </Link>
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}
