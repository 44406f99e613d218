'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { LazyDialogButton } from '@/components/lazy-dialog-button';
import { useNewRecordParam } from '@/lib/use-new-record-param';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the list.
const loadForm = () => import('./company-create-form');
const CompanyCreateForm = dynamic(
  () => loadForm().then((module) => module.CompanyCreateFormDialog),
  { ssr: false },
);

export function CompanyCreateDialog({ size }: { size?: 'sm' }) {
  // The page header's button (not the small one of the empty list) answers ?new=company.
  const asks = useNewRecordParam('company', size === undefined);
  return (
    <LazyDialogButton
      key={asks}
      initiallyOpen={asks > 0}
      size={size}
      load={loadForm}
      icon={PlusIcon}
      dialog={(state) => <CompanyCreateForm {...state} />}
    >
      New company
    </LazyDialogButton>
  );
}
