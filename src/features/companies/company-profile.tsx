'use client';

import { MergeIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { ActionsMenu, ActionsMenuItem } from '@/components/actions-menu';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { TagList } from '@/components/tag-list';
import { Button } from '@/components/ui/button';
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
              <ActionsMenu triggerRef={more}>
                {canMerge ? (
                  <ActionsMenuItem icon={MergeIcon} onSelect={() => merge.setOpen(true)}>
                    Merge another company into this one
                  </ActionsMenuItem>
                ) : null}
                {canDelete ? (
                  <ActionsMenuItem
                    icon={Trash2Icon}
                    destructive
                    onSelect={() => remove.setOpen(true)}
                  >
                    Delete company
                  </ActionsMenuItem>
                ) : null}
              </ActionsMenu>
            ) : null}
          </>
        }
      />

      <TagList tags={company.tags} />

      {canReadOrders ? <CompanyRevenue companyId={company.id} /> : null}

      {canEdit && edit.mounted ? <CompanyEditDialog company={company} {...edit.dialog} /> : null}
      {canDelete && remove.mounted ? (
        <CompanyDeleteDialog
          company={company}
          {...remove.dialog}
          finalFocus={more}
          onDeleted={() => router.push('/companies')}
        />
      ) : null}
      {canMerge && merge.mounted ? (
        <CompanyMergeDialog
          company={company}
          {...merge.dialog}
          finalFocus={more}
          onMerged={onMerged}
        />
      ) : null}
    </div>
  );
}
