'use client';

import { TriangleAlertIcon } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { FormDialogActions } from '@/components/form-dialog';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export interface DuplicateCandidate {
  id: string;
  href: string;
  label: string;
  /** What else tells it apart: a domain, an e-mail address. */
  hint?: string | null;
}

/**
 * The look-alikes the server named when a create was refused as a likely duplicate, with what
 * was sent, so that "Create anyway" sends exactly that again.
 */
export function useDuplicates<T>() {
  const [found, setFound] = useState<{ sent: T; candidates: DuplicateCandidate[] } | null>(null);
  return {
    found,
    clear: () => setFound(null),
    /** For a create's onError: whether the server named look-alikes (now kept in `found`). */
    caught(sent: T, candidates: DuplicateCandidate[]) {
      if (candidates.length > 0) setFound({ sent, candidates });
      return candidates.length > 0;
    },
  };
}

/** A create mutation that can be sent again allowing the duplicate. */
interface DuplicateCheckedCreate<T> {
  isPending: boolean;
  mutate(input: T & { allowDuplicate: true }): void;
}

/**
 * Says that what is being created looks like records that already exist (once the server named
 * some), links to them (in a new tab, so the form stays as it is), and offers to create it
 * anyway: `create` sends what was sent again, allowing the duplicate.
 */
export function DuplicateWarning<T>({
  title,
  duplicates: { found },
  create,
}: {
  title: string;
  duplicates: ReturnType<typeof useDuplicates<T>>;
  create: DuplicateCheckedCreate<T>;
}) {
  if (!found) return null;
  return (
    <Alert>
      <TriangleAlertIcon aria-hidden="true" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>Open one of these instead, or create it anyway if it is a different one.</p>
        <ul className="grid gap-1">
          {found.candidates.map((candidate) => (
            <li key={candidate.id}>
              <Link
                href={candidate.href}
                target="_blank"
                className="font-medium text-foreground underline underline-offset-4"
              >
                {candidate.label}
              </Link>
              {candidate.hint ? (
                <span className="text-muted-foreground"> · {candidate.hint}</span>
              ) : null}
            </li>
          ))}
        </ul>
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={create.isPending}
          onClick={() => create.mutate({ ...found.sent, allowDuplicate: true })}
        >
          {create.isPending ? 'Creating…' : 'Create anyway'}
        </Button>
      </AlertDescription>
    </Alert>
  );
}

/**
 * The end of a dialog's create form for a `noun` ("customer") that may be refused as a likely
 * duplicate: the warning once the server named look-alikes, then the form's buttons.
 */
export function DuplicateCheckedActions<T>({
  noun,
  duplicates,
  create,
}: {
  noun: string;
  duplicates: ReturnType<typeof useDuplicates<T>>;
  create: DuplicateCheckedCreate<T>;
}) {
  return (
    <>
      <DuplicateWarning
        title={`This ${noun} may already exist`}
        duplicates={duplicates}
        create={create}
      />
      <FormDialogActions
        pending={create.isPending}
        submitLabel={`Create ${noun}`}
        pendingLabel="Creating…"
      />
    </>
  );
}
