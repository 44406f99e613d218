'use client';

import { EllipsisIcon, MergeIcon, PencilIcon, TagIcon, Trash2Icon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useOpenOnce } from '@/lib/use-open-once';
import type { Company } from '@/schemas/companies';
import { CompanyRevenue } from './company-revenue';

// The dialogs (and their forms' validation) load when first opened, not with the page.
const CompanyEditDialog = dynamic(
  () => import('./company-edit-dialog').then((module) => module.CompanyEditDialog),
  { ssr: false },
);
const CompanyDeleteDialog = dynamic(
  () => import('./company-delete-dialog').then((module) => module.CompanyDeleteDialog),
  { ssr: false },
);
const CompanyMergeDialog = dynamic(
  () => import('./company-merge-dialog').then((module) => module.CompanyMergeDialog),
  { ssr: false },
);

/** The company's name, domain, tags and revenue, with what may be done to it. */
export function CompanyProfile({ company, onMerged }: { company: Company; onMerged: () => void }) {
  const router = useRouter();
  const canEdit = useCan('companies:write');
  const canDelete = useCan('companies:delete');
  const canMerge = useCan('companies:merge');
  const canReadOrders = useCan('orders:read');
  const edit = useOpenOnce();
  const remove = useOpenOnce();
  const merge = useOpenOnce();
  const more = useRef<HTMLButtonElement>(null);
  const description = [company.domain, company.industry].filter(Boolean).join(' · ');

  return (
    <div className="grid gap-3">
      <PageHeader
        title={company.name}
        description={description || undefined}
        actions={
          <>
            {canEdit ? (
              <Button onClick={() => edit.setOpen(true)}>
                <PencilIcon aria-hidden="true" />
                Edit company
              </Button>
            ) : null}
            {canMerge || canDelete ? (
              // Not modal: the dialogs it opens take over focus and the rest of the page.
              <DropdownMenu modal={false}>
                <DropdownMenuTrigger asChild>
                  <Button ref={more} variant="outline">
                    <EllipsisIcon aria-hidden="true" />
                    More
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  {canMerge ? (
                    <DropdownMenuItem onSelect={() => merge.setOpen(true)}>
                      <MergeIcon aria-hidden="true" />
                      Merge another company into this one
                    </DropdownMenuItem>
                  ) : null}
                  {canDelete ? (
                    <DropdownMenuItem variant="destructive" onSelect={() => remove.setOpen(true)}>
                      <Trash2Icon aria-hidden="true" />
                      Delete company
                    </DropdownMenuItem>
                  ) : null}
                </DropdownMenuContent>
              </DropdownMenu>
            ) : null}
          </>
        }
      />

      {company.tags.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label="Tags">
          {company.tags.map((tag) => (
            <li key={tag}>
              <Badge variant="secondary">
                <TagIcon className="size-3" aria-hidden="true" />
                {tag}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}

      {canReadOrders ? <CompanyRevenue companyId={company.id} /> : null}

      {canEdit && edit.mounted ? (
        <CompanyEditDialog company={company} open={edit.open} onOpenChange={edit.setOpen} />
      ) : null}
      {canDelete && remove.mounted ? (
        <CompanyDeleteDialog
          company={company}
          open={remove.open}
          onOpenChange={remove.setOpen}
          finalFocus={more}
          onDeleted={() => router.push('/companies')}
        />
      ) : null}
      {canMerge && merge.mounted ? (
        <CompanyMergeDialog
          company={company}
          open={merge.open}
          onOpenChange={merge.setOpen}
          finalFocus={more}
          onMerged={onMerged}
        />
      ) : null}
    </div>
  );
}
