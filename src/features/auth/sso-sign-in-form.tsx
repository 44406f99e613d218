'use client';

import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { Button } from '@/components/ui/button';
import { CardContent, CardFooter } from '@/components/ui/card';
import { isLocalPath } from '@/lib/redirect-target';
import { SSO_PATHS } from '@/schemas/sso';
import { AuthCard, AuthLink } from './auth-card';

/**
 * Starts an SSO sign-in at the server's start route, which sends the browser on to the
 * organization's provider. The page navigates itself rather than submitting the form: the
 * pages' Content-Security-Policy (form-action 'self') would stop a form's redirect to the
 * provider. The reason a sign-in was refused comes back in `error`.
 */
export function SsoSignInForm({
  error,
  organization,
  next,
}: {
  error?: string;
  organization?: string;
  next?: string;
}) {
  const start = (form: HTMLFormElement) => {
    // A route of the server, not a page: a full navigation, which the provider's redirect needs.
    const url = new URL(SSO_PATHS.start, window.location.origin);
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value) url.searchParams.set(name, value);
    }
    window.location.assign(url);
  };
  return (
    <AuthCard
      title="Sign in with SSO"
      description={
        organization
          ? 'This organization signs its people in through its identity provider.'
          : 'Enter your work e-mail address; you continue at your organization’s identity provider.'
      }
    >
      <form
        method="post"
        action={SSO_PATHS.start}
        onSubmit={(event) => {
          event.preventDefault();
          start(event.currentTarget);
        }}
      >
        <CardContent className="grid gap-4">
          <FormError message={error ?? null} />
          {organization ? (
            <input type="hidden" name="organization" value={organization} />
          ) : (
            <TextField name="email" label="Work email" type="email" autoComplete="email" required />
          )}
          {isLocalPath(next) ? <input type="hidden" name="next" value={next} /> : null}
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-3">
          <Button type="submit" className="w-full">
            Continue with SSO
          </Button>
          <p className="text-sm text-muted-foreground">
            <AuthLink href="/sign-in">Sign in with a password instead</AuthLink>
          </p>
        </CardFooter>
      </form>
    </AuthCard>
  );
}
