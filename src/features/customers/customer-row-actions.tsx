'use client';

import { EllipsisIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRef } from 'react';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
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
      {/* Not modal: the dialogs it opens take over focus and the rest of the page. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for ${name}`}>
            <EllipsisIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {canEdit ? (
            <DropdownMenuItem onSelect={() => edit.setOpen(true)}>
              <PencilIcon aria-hidden="true" />
              Edit
            </DropdownMenuItem>
          ) : null}
          {canDelete ? (
            <DropdownMenuItem variant="destructive" onSelect={() => remove.setOpen(true)}>
              <Trash2Icon aria-hidden="true" />
              Delete
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {canEdit && edit.mounted ? (
        <CustomerEditDialog
          customer={customer}
          open={edit.open}
          onOpenChange={edit.setOpen}
          finalFocus={trigger}
        />
      ) : null}
      {canDelete && remove.mounted ? (
        <CustomerDeleteDialog
          customer={customer}
          open={remove.open}
          onOpenChange={remove.setOpen}
          finalFocus={trigger}
        />
      ) : null}
    </>
  );
}
