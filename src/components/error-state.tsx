'use client';

import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';

/** What failed, with the request id for internal errors, and a way to try again. */
export function ErrorState({
  what,
  error,
  retry,
}: {
  what: string;
  error: unknown;
  retry?: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-md border border-destructive/40 bg-destructive/10 p-4 text-sm"
    >
      <p className="font-medium text-destructive">{what}</p>
      <p className="mt-1 text-muted-foreground">{describeError(error)}</p>
      {retry ? (
        <Button variant="outline" size="sm" className="mt-3" onClick={retry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
