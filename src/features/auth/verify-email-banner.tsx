import { MailWarningIcon } from 'lucide-react';
import { ResendVerificationButton } from './resend-verification-button';

/** Rendered on the server: only its button runs in the browser. */
export function VerifyEmailBanner({ email }: { email: string }) {
  return (
    <div className="border-b bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2 text-sm">
        <MailWarningIcon className="size-4" aria-hidden="true" />
        <p>
          Verify your e-mail address: follow the link we sent to <strong>{email}</strong>.
        </p>
        <ResendVerificationButton email={email} />
      </div>
    </div>
  );
}
