'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the list.
const loadForm = () => import('./customer-create-form');
const CustomerCreateForm = dynamic(
  () => loadForm().then((module) => module.CustomerCreateFormDialog),
  { ssr: false },
);

export function CustomerCreateDialog() {
  const { open, mounted, setOpen } = useOpenOnce();
  return (
    <>
      <Button
        aria-haspopup="dialog"
        onPointerEnter={() => void loadForm()}
        onFocus={() => void loadForm()}
        onClick={() => setOpen(true)}
      >
        <PlusIcon aria-hidden="true" />
        New customer
      </Button>
      {mounted ? <CustomerCreateForm open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
