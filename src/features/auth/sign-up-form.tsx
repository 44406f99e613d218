'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
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
import { signUpInput, type SignUpInput } from '@/schemas/auth';
import { api } from '@/trpc/react';

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
    <Card>
      <CardHeader>
        <CardTitle>Create your organization</CardTitle>
        <CardDescription>
          You will be its owner and can invite your team afterwards.
        </CardDescription>
      </CardHeader>
      <form
        method="post"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setFormError(null);
          signUp.mutate(values);
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
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
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
          <Button type="submit" className="w-full" disabled={signUp.isPending}>
            {signUp.isPending ? 'Creating…' : 'Create organization'}
          </Button>
          <p className="text-sm text-muted-foreground">
            Already have an account?{' '}
            <Link
              href="/sign-in"
              className="font-medium text-foreground underline underline-offset-4"
            >
              Sign in
            </Link>
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}
