'use client';

import { Building2Icon, DownloadIcon, EraserIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { ActionsMenu, ActionsMenuItem, ActionsMenuSeparator } from '@/components/actions-menu';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { TagList } from '@/components/tag-list';
import { Button } from '@/components/ui/button';
import { customerName } from '@/lib/format';
import type { Customer } from '@/schemas/customers';
import { CustomerDeleteDialog } from './customer-delete-dialog';
import { CustomerEditDialog } from './customer-edit-dialog';
import { CustomerEraseDialog, useDownloadCustomerData } from './customer-privacy';
import { CustomerStatusBadge } from './customer-status-badge';

/** The customer's name, company, status and tags, with what may be done to them. */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const router = useRouter();
  const canEdit = useCan('customers:write');
  const canExport = useCan('data:export');
  const canDelete = useCan('customers:delete');
  const canErase = useCan('customers:erase');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [erasing, setErasing] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  const data = useDownloadCustomerData(customer.id);
  const name = customerName(customer);

  return (
    <div className="grid gap-3">
      <PageHeader
        title={name}
        actions={
          <>
            {canEdit ? (
              <Button onClick={() => setEditing(true)}>
                <PencilIcon aria-hidden="true" />
                Edit customer
              </Button>
            ) : null}
            {canExport || canDelete || canErase ? (
              <ActionsMenu triggerRef={more}>
                {canExport ? (
                  <ActionsMenuItem
                    icon={DownloadIcon}
                    disabled={data.pending}
                    onSelect={() => void data.download()}
                  >
                    {data.pending ? 'Preparing download…' : 'Download data (GDPR)'}
                  </ActionsMenuItem>
                ) : null}
                {canExport && (canDelete || canErase) ? <ActionsMenuSeparator /> : null}
                {canDelete ? (
                  <ActionsMenuItem icon={Trash2Icon} destructive onSelect={() => setDeleting(true)}>
                    Delete customer
                  </ActionsMenuItem>
                ) : null}
                {canErase ? (
                  <ActionsMenuItem icon={EraserIcon} destructive onSelect={() => setErasing(true)}>
                    Erase customer permanently
                  </ActionsMenuItem>
                ) : null}
              </ActionsMenu>
            ) : null}
          </>
        }
      />

      <div className="flex flex-wrap items-center gap-2">
        {customer.companyId && customer.company ? (
          <Link
            href={`/companies/${customer.companyId}`}
            className="inline-flex items-center gap-1.5 text-sm font-medium underline-offset-4 hover:underline"
          >
            <Building2Icon className="size-4 text-muted-foreground" aria-hidden="true" />
            <span className="sr-only">Company: </span>
            {customer.company}
          </Link>
        ) : customer.company ? (
          <span className="text-sm text-muted-foreground">{customer.company}</span>
        ) : null}
        <CustomerStatusBadge status={customer.status} />
        <TagList tags={customer.tags} />
      </div>

      {canEdit ? (
        <CustomerEditDialog customer={customer} open={editing} onOpenChange={setEditing} />
      ) : null}
      {canDelete ? (
        <CustomerDeleteDialog
          customer={customer}
          open={deleting}
          onOpenChange={setDeleting}
          finalFocus={more}
          onDeleted={() => router.push('/customers')}
        />
      ) : null}
      {canErase ? (
        <CustomerEraseDialog
          customerId={customer.id}
          name={name}
          open={erasing}
          onOpenChange={setErasing}
        />
      ) : null}
    </div>
  );
}
