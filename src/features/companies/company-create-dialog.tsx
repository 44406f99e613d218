'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the list.
const loadForm = () => import('./company-create-form');
const CompanyCreateForm = dynamic(
  () => loadForm().then((module) => module.CompanyCreateFormDialog),
  { ssr: false },
);

export function CompanyCreateDialog({ size }: { size?: 'sm' }) {
  const { open, mounted, setOpen } = useOpenOnce();
  return (
    <>
      <Button
        size={size}
        aria-haspopup="dialog"
        onPointerEnter={() => void loadForm()}
        onFocus={() => void loadForm()}
        onClick={() => setOpen(true)}
      >
        <PlusIcon aria-hidden="true" />
        New company
      </Button>
      {mounted ? <CompanyCreateForm open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
