'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { LazyDialogButton } from '@/components/lazy-dialog-button';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the list.
const loadForm = () => import('./company-create-form');
const CompanyCreateForm = dynamic(
  () => loadForm().then((module) => module.CompanyCreateFormDialog),
  { ssr: false },
);

export function CompanyCreateDialog({ size }: { size?: 'sm' }) {
  return (
    <LazyDialogButton
      size={size}
      load={loadForm}
      icon={PlusIcon}
      dialog={(state) => <CompanyCreateForm {...state} />}
    >
      New company
    </LazyDialogButton>
  );
}
