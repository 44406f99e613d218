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
import { passwordResetRequestInput } from '@/schemas/auth';
import { api } from '@/trpc/react';

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
  const { errors } = form.formState;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Reset your password</CardTitle>
        <CardDescription>
          Enter the e-mail address of your account and we will send you a link to set a new
          password.
        </CardDescription>
      </CardHeader>
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
            {formError ? (
              <p
                role="alert"
                className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
              >
                {formError}
              </p>
            ) : null}
            <TextField
              label="Email"
              type="email"
              autoComplete="email"
              error={errors.email?.message}
              {...form.register('email')}
            />
            <Button type="submit" className="w-full" disabled={request.isPending}>
              {request.isPending ? 'Sending…' : 'Send reset link'}
            </Button>
          </CardContent>
        </form>
      )}
      <CardFooter>
        <p className="text-sm text-muted-foreground">
          Remembered it?{' '}
          <Link
            href="/sign-in"
            className="font-medium text-foreground underline underline-offset-4"
          >
            Back to sign in
          </Link>
        </p>
      </CardFooter>
    </Card>
  );
}
