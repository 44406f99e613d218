'use client';

import { EllipsisIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import { useRef, useState } from 'react';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { customerName } from '@/lib/format';
import type { Customer } from '@/schemas/customers';
import { CustomerDeleteDialog } from './customer-delete-dialog';
import { CustomerEditDialog } from './customer-edit-dialog';

/** Whether the signed-in member gets any row action at all (else the column is left out). */
export function useHasRowActions() {
  const canEdit = useCan('customers:write');
  const canDelete = useCan('customers:delete');
  return canEdit || canDelete;
}

export function CustomerRowActions({ customer }: { customer: Customer }) {
  const canEdit = useCan('customers:write');
  const canDelete = useCan('customers:delete');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
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
            <DropdownMenuItem onSelect={() => setEditing(true)}>
              <PencilIcon aria-hidden="true" />
              Edit
            </DropdownMenuItem>
          ) : null}
          {canDelete ? (
            <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(true)}>
              <Trash2Icon aria-hidden="true" />
              Delete
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {canEdit ? (
        <CustomerEditDialog
          customer={customer}
          open={editing}
          onOpenChange={setEditing}
          finalFocus={trigger}
        />
      ) : null}
      {canDelete ? (
        <CustomerDeleteDialog
          customer={customer}
          open={deleting}
          onOpenChange={setDeleting}
          finalFocus={trigger}
        />
      ) : null}
    </>
  );
}
