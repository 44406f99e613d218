'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
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
import { signInInput, twoFactorCodeInput, type SignInInput } from '@/schemas/auth';
import { api } from '@/trpc/react';

/** The two shapes the server accepts for the second factor, used one form each. */
const [authenticationCodeInput, recoveryCodeInput] = twoFactorCodeInput.options;
type AuthenticationCodeInput = z.input<typeof authenticationCodeInput>;
type RecoveryCodeInput = z.input<typeof recoveryCodeInput>;

const DEFAULT_TARGET = '/dashboard';

/**
 * Where to go after signing in: only a path on this site. "//host" and "/\host" are
 * protocol-relative URLs to another site, so they are refused (no open redirect).
 */
export function safeRedirectTarget(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return DEFAULT_TARGET;
  }
  return next;
}

function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
    >
      {message}
    </p>
  );
}

const linkClassName = 'font-medium text-foreground underline underline-offset-4';

export function SignInForm({ next }: { next?: string }) {
  const router = useRouter();
  const [step, setStep] = useState<'password' | 'twoFactor'>('password');
  const target = safeRedirectTarget(next);

  const finish = () => {
    router.replace(target);
    router.refresh();
  };

  if (step === 'twoFactor') {
    return <TwoFactorStep onSuccess={finish} onRestart={() => setStep('password')} />;
  }
  return (
    <PasswordStep
      onSuccess={(twoFactorRequired) => (twoFactorRequired ? setStep('twoFactor') : finish())}
    />
  );
}

function PasswordStep({ onSuccess }: { onSuccess: (twoFactorRequired: boolean) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInInput),
    defaultValues: { email: '', password: '' },
  });
  const signIn = api.auth.signIn.useMutation({
    onSuccess: (result) => onSuccess(result.twoFactorRequired),
    onError: (error) => setFormError(describeError(error)),
  });
  const { errors } = form.formState;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign in to Clientele</CardTitle>
        <CardDescription>Use the e-mail address and password of your account.</CardDescription>
      </CardHeader>
      <form
        method="post"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setFormError(null);
          signIn.mutate(values);
        })}
      >
        <CardContent className="grid gap-4">
          <FormError message={formError} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <p className="text-sm">
            <Link href="/forgot-password" className={linkClassName}>
              Forgot your password?
            </Link>
          </p>
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-3">
          <Button type="submit" className="w-full" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
          <p className="text-sm text-muted-foreground">
            New to Clientele?{' '}
            <Link href="/sign-up" className={linkClassName}>
              Create an organization
            </Link>
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}

function TwoFactorStep({ onSuccess, onRestart }: { onSuccess: () => void; onRestart: () => void }) {
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const [restartError, setRestartError] = useState<string | null>(null);
  // Ends the half-finished session, so another account can sign in.
  const signOut = api.auth.signOut.useMutation({
    onSuccess: onRestart,
    onError: (error) => setRestartError(describeError(error)),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Two-factor authentication</CardTitle>
        <CardDescription>
          {mode === 'code'
            ? 'Enter the 6-digit code from your authenticator app.'
            : 'Enter one of the recovery codes you saved when you turned on two-factor authentication. Each works once.'}
        </CardDescription>
      </CardHeader>
      {mode === 'code' ? (
        <AuthenticationCodeForm onSuccess={onSuccess} />
      ) : (
        <RecoveryCodeForm onSuccess={onSuccess} />
      )}
      <CardFooter className="flex flex-col gap-2">
        <FormError message={restartError} />
        <Button
          type="button"
          variant="link"
          onClick={() => setMode(mode === 'code' ? 'recovery' : 'code')}
        >
          {mode === 'code' ? 'Use a recovery code instead' : 'Use an authentication code instead'}
        </Button>
        <Button
          type="button"
          variant="link"
          className="text-muted-foreground"
          disabled={signOut.isPending}
          onClick={() => {
            setRestartError(null);
            signOut.mutate();
          }}
        >
          Use a different account
        </Button>
      </CardFooter>
    </Card>
  );
}

function AuthenticationCodeForm({ onSuccess }: { onSuccess: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AuthenticationCodeInput>({
    resolver: zodResolver(authenticationCodeInput),
    defaultValues: { code: '' },
  });
  const verify = api.auth.verifyTwoFactor.useMutation({
    onSuccess,
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, ['code'])) setFormError(describeError(error));
    },
  });
  const { errors } = form.formState;

  return (
    <form
      method="post"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        verify.mutate({ code: values.code });
      })}
    >
      <CardContent className="grid gap-4">
        <FormError message={formError} />
        <TextField
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          error={errors.code?.message}
          {...form.register('code')}
        />
        <Button type="submit" className="w-full" disabled={verify.isPending}>
          {verify.isPending ? 'Verifying…' : 'Verify code'}
        </Button>
      </CardContent>
    </form>
  );
}

function RecoveryCodeForm({ onSuccess }: { onSuccess: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RecoveryCodeInput>({
    resolver: zodResolver(recoveryCodeInput),
    defaultValues: { recoveryCode: '' },
  });
  const verify = api.auth.verifyTwoFactor.useMutation({
    onSuccess,
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, ['recoveryCode'])) {
        setFormError(describeError(error));
      }
    },
  });
  const { errors } = form.formState;

  return (
    <form
      method="post"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        verify.mutate({ recoveryCode: values.recoveryCode });
      })}
    >
      <CardContent className="grid gap-4">
        <FormError message={formError} />
        <TextField
          label="Recovery code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          error={errors.recoveryCode?.message}
          {...form.register('recoveryCode')}
        />
        <Button type="submit" className="w-full" disabled={verify.isPending}>
          {verify.isPending ? 'Verifying…' : 'Verify recovery code'}
        </Button>
      </CardContent>
    </form>
  );
}
