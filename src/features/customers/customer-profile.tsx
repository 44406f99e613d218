'use client';

import {
  Building2Icon,
  DownloadIcon,
  EllipsisIcon,
  EraserIcon,
  PencilIcon,
  TagIcon,
  Trash2Icon,
} from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
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
              // Not modal: the dialogs it opens take over focus and the rest of the page.
              <DropdownMenu modal={false}>
                <DropdownMenuTrigger asChild>
                  <Button ref={more} variant="outline">
                    <EllipsisIcon aria-hidden="true" />
                    More
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  {canExport ? (
                    <DropdownMenuItem disabled={data.pending} onSelect={() => void data.download()}>
                      <DownloadIcon aria-hidden="true" />
                      {data.pending ? 'Preparing download…' : 'Download data (GDPR)'}
                    </DropdownMenuItem>
                  ) : null}
                  {canExport && (canDelete || canErase) ? <DropdownMenuSeparator /> : null}
                  {canDelete ? (
                    <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(true)}>
                      <Trash2Icon aria-hidden="true" />
                      Delete customer
                    </DropdownMenuItem>
                  ) : null}
                  {canErase ? (
                    <DropdownMenuItem variant="destructive" onSelect={() => setErasing(true)}>
                      <EraserIcon aria-hidden="true" />
                      Erase customer permanently
                    </DropdownMenuItem>
                  ) : null}
                </DropdownMenuContent>
              </DropdownMenu>
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
        {customer.tags.length > 0 ? (
          <ul className="flex flex-wrap gap-1" aria-label="Tags">
            {customer.tags.map((tag) => (
              <li key={tag}>
                <Badge variant="secondary">
                  <TagIcon className="size-3" aria-hidden="true" />
                  {tag}
                </Badge>
              </li>
            ))}
          </ul>
        ) : null}
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
