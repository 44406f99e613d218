'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '@/components/form-error';
import { FormTextField } from '@/components/form-field';
import { NewPasswordField } from '@/components/password-field';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { CardContent, CardFooter } from '@/components/ui/card';
import { AuthCard, AuthForm } from '@/features/auth/auth-card';
import { useFormError } from '@/lib/form-errors';
import { describeError } from '@/lib/server-errors';
import { acceptWithSignUpInput } from '@/schemas/invitations';
import { api, type RouterOutputs } from '@/trpc/react';

export type InvitationPreview = NonNullable<RouterOutputs['invitations']['preview']>;

/** Who is looking at the invitation, as the server page saw it. */
export interface SignedInAs {
  email: string;
  /** Signed in with a password, but the second factor is still owed. */
  twoFactorPending: boolean;
}

/** The token comes from the link: the form only asks for a name and a password. */
const signUpForm = acceptWithSignUpInput.omit({ token: true });
type SignUpForm = z.input<typeof signUpForm>;

const FIELDS = ['name', 'password'] as const;

export function AcceptInvitation({
  token,
  preview,
  signedIn,
}: {
  token: string;
  preview: InvitationPreview | null;
  signedIn: SignedInAs | null;
}) {
  if (!preview) {
    return (
      <AuthCard title="Invitation not valid">
        <CardContent>
          <p role="alert" className="text-sm">
            This invitation is invalid, used, revoked or expired. Ask whoever invited you for a new
            one.
          </p>
        </CardContent>
      </AuthCard>
    );
  }

  let content: React.ReactNode;
  if (signedIn?.twoFactorPending) {
    content = (
      <SignOutStep
        message={
          <>
            You started signing in as <Email value={signedIn.email} /> but did not finish the second
            step. Sign out, then open this invitation again.
          </>
        }
      />
    );
  } else if (signedIn && signedIn.email.toLowerCase() === preview.email.toLowerCase()) {
    content = <AcceptStep token={token} />;
  } else if (signedIn) {
    content = (
      <SignOutStep
        message={
          <>
            This invitation is for <Email value={preview.email} />, but you are signed in as{' '}
            <Email value={signedIn.email} />. Sign out, then accept it with the invited address.
          </>
        }
      />
    );
  } else if (preview.hasAccount) {
    const next = `/invitations/accept?token=${token}`;
    content = (
      <CardFooter>
        <Button asChild className="w-full">
          <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>
            Sign in as {preview.email} to accept
          </Link>
        </Button>
      </CardFooter>
    );
  } else {
    content = <SignUpStep token={token} email={preview.email} />;
  }

  return (
    <AuthCard
      title={`Join ${preview.organizationName}`}
      titleClassName="leading-snug"
      description={`${preview.organizationName} invited you to join as ${preview.role}.`}
    >
      {content}
    </AuthCard>
  );
}

function Email({ value }: { value: string }) {
  return <strong className="break-all">{value}</strong>;
}

function AcceptStep({ token }: { token: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const accept = api.invitations.accept.useMutation({
    onSuccess: () => {
      router.push('/dashboard');
      router.refresh();
    },
    onError: (error) => setFormError(describeError(error)),
  });
  return (
    <>
      {formError ? (
        <CardContent>
          <FormError message={formError} />
        </CardContent>
      ) : null}
      <CardFooter>
        <Button
          className="w-full"
          disabled={accept.isPending || accept.isSuccess}
          onClick={() => {
            setFormError(null);
            accept.mutate({ token });
          }}
        >
          {accept.isPending ? 'Accepting…' : 'Accept invitation'}
        </Button>
      </CardFooter>
    </>
  );
}

function SignOutStep({ message }: { message: React.ReactNode }) {
  const router = useRouter();
  const utils = api.useUtils();
  const [formError, setFormError] = useState<string | null>(null);
  const signOut = api.auth.signOut.useMutation({
    onSuccess: async () => {
      await utils.invalidate();
      // The page is rendered again for nobody signed in.
      router.refresh();
    },
    onError: (error) => setFormError(describeError(error)),
  });
  return (
    <>
      <CardContent className="grid gap-4">
        <FormError message={formError} />
        <p className="text-sm">{message}</p>
      </CardContent>
      <CardFooter>
        <Button
          variant="outline"
          className="w-full"
          disabled={signOut.isPending}
          onClick={() => {
            setFormError(null);
            signOut.mutate();
          }}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </Button>
      </CardFooter>
    </>
  );
}

function SignUpStep({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const form = useForm<SignUpForm>({
    resolver: zodResolver(signUpForm),
    defaultValues: { name: '', password: '' },
  });
  const { formError, clearFormError, showServerError } = useFormError(form.setError, FIELDS);
  const join = api.invitations.acceptWithSignUp.useMutation({
    onSuccess: () => {
      router.push('/dashboard');
      router.refresh();
    },
    onError: showServerError,
  });

  return (
    <AuthForm
      onSubmit={form.handleSubmit((values) => {
        clearFormError();
        join.mutate({ token, name: values.name, password: values.password });
      })}
      footer={
        <SubmitButton
          className="w-full"
          pending={join.isPending}
          pendingLabel="Creating account…"
          disabled={join.isSuccess}
        >
          Create account and join
        </SubmitButton>
      }
    >
      <FormError message={formError} />
      <p className="text-sm text-muted-foreground">
        Create your account to join. You will sign in with this address.
      </p>
      <dl className="grid gap-1 text-sm">
        <dt className="font-medium">Email</dt>
        <dd className="break-all">{email}</dd>
      </dl>
      <FormTextField form={form} name="name" label="Your name" autoComplete="name" />
      <NewPasswordField form={form} name="password" />
    </AuthForm>
  );
}
