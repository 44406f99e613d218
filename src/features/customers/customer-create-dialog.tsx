'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { LazyDialogButton } from '@/components/lazy-dialog-button';
import { useNewRecordParam } from '@/lib/use-new-record-param';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the list.
const loadForm = () => import('./customer-create-form');
const CustomerCreateForm = dynamic(
  () => loadForm().then((module) => module.CustomerCreateFormDialog),
  { ssr: false },
);

export function CustomerCreateDialog({
  size,
  label = 'New customer',
}: {
  size?: 'sm';
  /** What the button says: "Add your first customer" in the empty list. */
  label?: string;
}) {
  // The page header's button (not the small one of the empty list) answers ?new=customer.
  const asks = useNewRecordParam('customer', size === undefined);
  return (
    <LazyDialogButton
      key={asks}
      initiallyOpen={asks > 0}
      size={size}
      load={loadForm}
      icon={PlusIcon}
      dialog={(state) => <CustomerCreateForm {...state} />}
    >
      {label}
    </LazyDialogButton>
  );
}
