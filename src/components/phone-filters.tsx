'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * On a phone the filters after a list's search wait behind a "Filters" button, so the list
 * comes first on the screen; from 40rem on they are always shown in the row. The button says
 * how many are set.
 */
export function PhoneFilters({ active, children }: { active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <Button
        variant="outline"
        className="sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((shown) => !shown)}
      >
        {active ? `Filters (${active})` : 'Filters'}
      </Button>
      <div id={id} className={open ? 'contents' : 'hidden sm:contents'}>
        {children}
      </div>
    </>
  );
}
