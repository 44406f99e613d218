'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
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
  const { errors } = form.formState;

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
          <TextField
            label="Your name"
            autoComplete="name"
            error={errors.name?.message}
            {...form.register('name')}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <NewPasswordField
            label="Password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <TextField
            label="Organization name"
            autoComplete="organization"
            error={errors.organizationName?.message}
            {...form.register('organizationName')}
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
