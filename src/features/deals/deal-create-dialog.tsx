'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';
import type { Pipeline } from '@/schemas/pipelines';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the board.
const loadForm = () => import('./deal-create-form');
const DealCreateForm = dynamic(() => loadForm().then((module) => module.DealCreateFormDialog), {
  ssr: false,
});

export function DealCreateDialog({
  pipeline,
  companyId,
  customerId,
  variant = 'default',
}: {
  pipeline: Pipeline;
  /** The company the new deal starts linked to. */
  companyId?: string;
  /** The person the new deal starts with. */
  customerId?: string;
  variant?: 'default' | 'outline';
}) {
  const { open, mounted, setOpen } = useOpenOnce();
  return (
    <>
      <Button
        variant={variant}
        aria-haspopup="dialog"
        onPointerEnter={() => void loadForm()}
        onFocus={() => void loadForm()}
        onClick={() => setOpen(true)}
      >
        <PlusIcon aria-hidden="true" />
        New deal
      </Button>
      {mounted ? (
        <DealCreateForm
          pipeline={pipeline}
          companyId={companyId}
          customerId={customerId}
          open={open}
          onOpenChange={setOpen}
        />
      ) : null}
    </>
  );
}
