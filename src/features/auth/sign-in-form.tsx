'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { FormTextField } from '@/components/form-field';
import { CurrentPasswordField } from '@/components/password-field';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { CardFooter } from '@/components/ui/card';
import { useFormError } from '@/lib/form-errors';
import { safeRedirectTarget } from '@/lib/redirect-target';
import { describeError, issuesOf } from '@/lib/server-errors';
import { signInInput, twoFactorCodeInput, type SignInInput } from '@/schemas/auth';
import { api } from '@/trpc/react';
import { AuthCard, AuthForm, AuthLink } from './auth-card';

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
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInInput),
    defaultValues: { email: '', password: '' },
  });
  // Every failure is said above the fields: which of the two was wrong is not told.
  const { formError, clearFormError, showServerError } = useFormError(form.setError);
  const signIn = api.auth.signIn.useMutation({
    onSuccess: (result) => onSuccess(result.twoFactorRequired),
    onError: showServerError,
  });

  return (
    <AuthCard
      title="Sign in to Clientele"
      description="Use the e-mail address and password of your account."
    >
      <AuthForm
        onSubmit={form.handleSubmit((values) => {
          clearFormError();
          signIn.mutate(values);
        })}
        footer={
          <>
            <SubmitButton className="w-full" pending={signIn.isPending} pendingLabel="Signing in…">
              Sign in
            </SubmitButton>
            <p className="text-sm text-muted-foreground">
              New to Clientele? <AuthLink href="/sign-up">Create an organization</AuthLink>
            </p>
          </>
        }
      >
        <FormError message={formError} />
        <FormTextField form={form} name="email" label="Email" type="email" autoComplete="email" />
        <CurrentPasswordField form={form} name="password" label="Password" />
        <p className="flex flex-wrap justify-between gap-2 text-sm">
          <AuthLink href="/forgot-password">Forgot your password?</AuthLink>
          <AuthLink href="/sign-in/sso">Sign in with SSO</AuthLink>
        </p>
      </AuthForm>
    </AuthCard>
  );
}

function TwoFactorStep({ onSuccess, onRestart }: { onSuccess: () => void; onRestart: () => void }) {
  const [factor, setFactor] = useState<SecondFactor>('code');
  const [restartError, setRestartError] = useState<string | null>(null);
  // Ends the half-finished session, so another account can sign in.
  const signOut = api.auth.signOut.useMutation({
    onSuccess: onRestart,
    onError: (error) => setRestartError(describeError(error)),
  });

  return (
    <AuthCard title="Two-factor authentication" description={SECOND_FACTORS[factor].description}>
      {/* Keyed, so switching starts the other form empty. */}
      <SecondFactorForm key={factor} factor={factor} onSuccess={onSuccess} />
      <CardFooter className="flex flex-col gap-2">
        <FormError message={restartError} />
        <Button
          type="button"
          variant="link"
          onClick={() => setFactor(factor === 'code' ? 'recoveryCode' : 'code')}
        >
          {SECOND_FACTORS[factor].switchLabel}
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
    </AuthCard>
  );
}

/** The two shapes the server accepts for the second factor, one form each. */
const [authenticationCodeInput, recoveryCodeInput] = twoFactorCodeInput.options;

const SECOND_FACTORS = {
  code: {
    schema: authenticationCodeInput.shape.code,
    description: 'Enter the 6-digit code from your authenticator app.',
    label: 'Authentication code',
    input: { inputMode: 'numeric', autoComplete: 'one-time-code' },
    submitLabel: 'Verify code',
    switchLabel: 'Use a recovery code instead',
  },
  recoveryCode: {
    schema: recoveryCodeInput.shape.recoveryCode,
    description:
      'Enter one of the recovery codes you saved when you turned on two-factor authentication. Each works once.',
    label: 'Recovery code',
    input: { autoComplete: 'off', autoCapitalize: 'none', spellCheck: false },
    submitLabel: 'Verify recovery code',
    switchLabel: 'Use an authentication code instead',
  },
} as const;
type SecondFactor = keyof typeof SECOND_FACTORS;

function SecondFactorForm({ factor, onSuccess }: { factor: SecondFactor; onSuccess: () => void }) {
  const { schema, label, input, submitLabel } = SECOND_FACTORS[factor];
  const form = useForm({
    resolver: zodResolver(z.object({ value: schema })),
    defaultValues: { value: '' },
  });
  const { formError, setFormError, clearFormError } = useFormError(form.setError);
  const verify = api.auth.verifyTwoFactor.useMutation({
    onSuccess,
    onError: (error) => {
      // The server names the field as sent (code or recoveryCode); the form holds it as value.
      const issue = issuesOf(error).find((candidate) => candidate.path[0] === factor);
      if (issue) form.setError('value', { type: 'server', message: issue.message });
      else setFormError(describeError(error));
    },
  });

  return (
    <AuthForm
      onSubmit={form.handleSubmit(({ value }) => {
        clearFormError();
        verify.mutate(factor === 'code' ? { code: value } : { recoveryCode: value });
      })}
    >
      <FormError message={formError} />
      <FormTextField form={form} name="value" label={label} autoFocus {...input} />
      <SubmitButton className="w-full" pending={verify.isPending} pendingLabel="Verifying…">
        {submitLabel}
      </SubmitButton>
    </AuthForm>
  );
}
