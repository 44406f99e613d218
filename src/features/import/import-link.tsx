'use client';

import { UploadIcon } from 'lucide-react';
import Link from 'next/link';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import type { ImportKind } from '@/schemas/imports';
import { KIND_WORDS } from './mapping';

/** A list's way to the import wizard, set to import more of what it lists. */
export function ImportLink({ kind }: { kind: ImportKind }) {
  if (!useCan('data:import')) return null;
  return (
    <Button asChild variant="outline">
      <Link href={`/import?kind=${kind}`}>
        <UploadIcon aria-hidden="true" />
        Import {KIND_WORDS[kind].many}
      </Link>
    </Button>
  );
}
