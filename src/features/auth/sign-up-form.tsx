'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { FormError } from '@/components/form-error';
import { FormTextField } from '@/components/form-field';
import { NewPasswordField } from '@/components/password-field';
import { SubmitButton } from '@/components/submit-button';
import { useFormError } from '@/lib/form-errors';
import { signUpInput, type SignUpInput } from '@/schemas/auth';
import { api } from '@/trpc/react';
import { AuthCard, AuthForm, AuthLink } from './auth-card';

const FIELDS = ['name', 'email', 'password', 'organizationName'] as const;

export function SignUpForm() {
  const router = useRouter();
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: '', email: '', password: '', organizationName: '' },
  });
  const { formError, clearFormError, showServerError } = useFormError(form.setError, FIELDS);
  const signUp = api.auth.signUp.useMutation({
    onSuccess: () => {
      router.replace('/dashboard');
      router.refresh();
    },
    onError: showServerError,
  });

  return (
    <AuthCard
      title="Create your organization"
      description="You will be its owner and can invite your team afterwards."
    >
      <AuthForm
        onSubmit={form.handleSubmit((values) => {
          clearFormError();
          signUp.mutate(values);
        })}
        footer={
          <>
            <SubmitButton className="w-full" pending={signUp.isPending} pendingLabel="Creating…">
              Create organization
            </SubmitButton>
            <p className="text-sm text-muted-foreground">
              Already have an account? <AuthLink href="/sign-in">Sign in</AuthLink>
            </p>
          </>
        }
      >
        <FormError message={formError} />
        <FormTextField form={form} name="name" label="Your name" autoComplete="name" />
        <FormTextField form={form} name="email" label="Email" type="email" autoComplete="email" />
        <NewPasswordField form={form} name="password" />
        <FormTextField
          form={form}
          name="organizationName"
          label="Organization name"
          autoComplete="organization"
        />
      </AuthForm>
    </AuthCard>
  );
}
