'use client';

import { TriangleAlertIcon } from 'lucide-react';
import Link from 'next/link';
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
 * Says that what is being created looks like records that already exist, links to them (in a
 * new tab, so the form stays as it is), and offers to create it anyway.
 */
export function DuplicateWarning({
  title,
  candidates,
  pending,
  onCreateAnyway,
}: {
  title: string;
  candidates: DuplicateCandidate[];
  pending: boolean;
  onCreateAnyway: () => void;
}) {
  return (
    <Alert>
      <TriangleAlertIcon aria-hidden="true" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>Open one of these instead, or create it anyway if it is a different one.</p>
        <ul className="grid gap-1">
          {candidates.map((candidate) => (
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
          disabled={pending}
          onClick={onCreateAnyway}
        >
          {pending ? 'Creating…' : 'Create anyway'}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
