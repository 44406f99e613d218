'use client';

import { PencilIcon, Trash2Icon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRef } from 'react';
import { ActionsMenu, ActionsMenuItem } from '@/components/actions-menu';
import { useCan } from '@/components/permissions-provider';
import { customerName } from '@/lib/format';
import { useOpenOnce } from '@/lib/use-open-once';
import type { Customer } from '@/schemas/customers';

// The dialogs (and the edit form's validation) load when first opened, not with the list.
const CustomerEditDialog = dynamic(
  () => import('./customer-edit-dialog').then((module) => module.CustomerEditDialog),
  { ssr: false },
);
const CustomerDeleteDialog = dynamic(
  () => import('./customer-delete-dialog').then((module) => module.CustomerDeleteDialog),
  { ssr: false },
);

/** Whether the signed-in member gets any row action at all (else the column is left out). */
export function useHasRowActions() {
  const canEdit = useCan('customers:write');
  const canDelete = useCan('customers:delete');
  return canEdit || canDelete;
}

export function CustomerRowActions({ customer }: { customer: Customer }) {
  const canEdit = useCan('customers:write');
  const canDelete = useCan('customers:delete');
  const edit = useOpenOnce();
  const remove = useOpenOnce();
  const trigger = useRef<HTMLButtonElement>(null);
  const name = customerName(customer);

  if (!canEdit && !canDelete) return null;
  return (
    <>
      <ActionsMenu triggerRef={trigger} label={`Actions for ${name}`}>
        {canEdit ? (
          <ActionsMenuItem icon={PencilIcon} onSelect={() => edit.setOpen(true)}>
            Edit
          </ActionsMenuItem>
        ) : null}
        {canDelete ? (
          <ActionsMenuItem icon={Trash2Icon} destructive onSelect={() => remove.setOpen(true)}>
            Delete
          </ActionsMenuItem>
        ) : null}
      </ActionsMenu>
      {canEdit && edit.mounted ? (
        <CustomerEditDialog customer={customer} {...edit.dialog} finalFocus={trigger} />
      ) : null}
      {canDelete && remove.mounted ? (
        <CustomerDeleteDialog customer={customer} {...remove.dialog} finalFocus={trigger} />
      ) : null}
    </>
  );
}
