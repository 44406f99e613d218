'use client';

import { EllipsisIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import dynamic from 'next/dynamic';
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
  const [editing, setEditing] = useState(false);
  // Mounted from their first opening on, so they can close (and hand focus back) in place.
  const [editMounted, setEditMounted] = useState(false);
  const [deleteMounted, setDeleteMounted] = useState(false);
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
            <DropdownMenuItem
              onSelect={() => {
                setEditMounted(true);
                setEditing(true);
              }}
            >
              <PencilIcon aria-hidden="true" />
              Edit
            </DropdownMenuItem>
          ) : null}
          {canDelete ? (
            <DropdownMenuItem
              variant="destructive"
              onSelect={() => {
                setDeleteMounted(true);
                setDeleting(true);
              }}
            >
              <Trash2Icon aria-hidden="true" />
              Delete
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {canEdit && editMounted ? (
        <CustomerEditDialog
          customer={customer}
          open={editing}
          onOpenChange={setEditing}
          finalFocus={trigger}
        />
      ) : null}
      {canDelete && deleteMounted ? (
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
