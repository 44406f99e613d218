'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { LazyDialogButton } from '@/components/lazy-dialog-button';
import { useNewRecordParam } from '@/lib/use-new-record-param';
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
  // The board's own button (not an empty list's or a record's) answers ?new=deal.
  const asks = useNewRecordParam('deal', variant === 'default' && !companyId && !customerId);
  return (
    <LazyDialogButton
      key={asks}
      initiallyOpen={asks > 0}
      variant={variant}
      load={loadForm}
      icon={PlusIcon}
      dialog={(state) => (
        <DealCreateForm
          pipeline={pipeline}
          companyId={companyId}
          customerId={customerId}
          {...state}
        />
      )}
    >
      New deal
    </LazyDialogButton>
  );
}
