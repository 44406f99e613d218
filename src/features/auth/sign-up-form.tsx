'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormError } from '@/components/form-error';
import { FormTextField } from '@/components/form-field';
import { NewPasswordField } from '@/components/password-field';
import { SubmitButton } from '@/components/submit-button';
import { CardContent, CardFooter } from '@/components/ui/card';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { signUpInput, type SignUpInput } from '@/schemas/auth';
import { api } from '@/trpc/react';
import { AuthCard, AuthLink } from './auth-card';

const FIELDS = ['name', 'email', 'password', 'organizationName'] as const;

export function SignUpForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: '', email: '', password: '', organizationName: '' },
  });
  const signUp = api.auth.signUp.useMutation({
    onSuccess: () => {
      router.replace('/dashboard');
      router.refresh();
    },
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, FIELDS)) setFormError(describeError(error));
    },
  });

  return (
    <AuthCard
      title="Create your organization"
      description="You will be its owner and can invite your team afterwards."
    >
      <form
        method="post"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setFormError(null);
          signUp.mutate(values);
        })}
      >
        <CardContent className="grid gap-4">
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
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-3">
          <SubmitButton className="w-full" pending={signUp.isPending} pendingLabel="Creating…">
            Create organization
          </SubmitButton>
          <p className="text-sm text-muted-foreground">
            Already have an account? <AuthLink href="/sign-in">Sign in</AuthLink>
          </p>
        </CardFooter>
      </form>
    </AuthCard>
  );
}
