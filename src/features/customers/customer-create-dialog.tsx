'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { LazyDialogButton } from '@/components/lazy-dialog-button';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the list.
const loadForm = () => import('./customer-create-form');
const CustomerCreateForm = dynamic(
  () => loadForm().then((module) => module.CustomerCreateFormDialog),
  { ssr: false },
);

export function CustomerCreateDialog() {
  return (
    <LazyDialogButton
      load={loadForm}
      icon={PlusIcon}
      dialog={(state) => <CustomerCreateForm {...state} />}
    >
      New customer
    </LazyDialogButton>
  );
}
