'use client';

import { UnlinkIcon, UserPlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { EmptyState } from '@/components/empty-state';
import { LazyDialogButton } from '@/components/lazy-dialog-button';
import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { NameCell } from '@/components/record-cells';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { TableCell, TableRow } from '@/components/ui/table';
import { CustomerStatusBadge } from '@/features/customers/customer-status-badge';
import { nextPageCursor } from '@/lib/cursor-pages';
import { customerName } from '@/lib/format';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Company } from '@/schemas/companies';
import { api } from '@/trpc/react';
import { companyPeopleParams } from './list-params';

// The dialog and its forms load when first opened, or when the button is pointed at or
// focused, not with the page.
const loadDialog = () => import('./add-person-dialog');
const AddPersonDialog = dynamic(() => loadDialog().then((module) => module.AddPersonDialog), {
  ssr: false,
});

/** The people who work at the company, with a way to add one (existing or new). */
export function CompanyPeople({ company }: { company: Company }) {
  const canWrite = useCan('customers:write');
  const list = api.companies.customers.useInfiniteQuery(companyPeopleParams(company.id), {
    getNextPageParam: nextPageCursor,
  });

  return (
    <PageSection
      id="people-heading"
      title="People"
      action={canWrite ? <AddPersonButton company={company} /> : null}
    >
      <PagedList
        query={list}
        loading={{ label: 'Loading people', count: 3 }}
        failure="The people could not be loaded."
        empty={
          <EmptyState>
            {canWrite
              ? `Nobody at ${company.name} yet. Add someone with “Add person”.`
              : `Nobody at ${company.name} yet.`}
          </EmptyState>
        }
        moreLabel="Show more people"
      >
        {(people) => (
          <ListTable
            className="overflow-x-auto"
            columns={['Name', 'Email', 'Status', canWrite && ACTIONS_COLUMN]}
          >
            {people.map((person) => (
              <TableRow key={person.id}>
                <NameCell href={`/customers/${person.id}`}>{customerName(person)}</NameCell>
                <TableCell className="text-muted-foreground">{person.email ?? '—'}</TableCell>
                <TableCell>
                  <CustomerStatusBadge status={person.status} />
                </TableCell>
                {canWrite ? (
                  <TableCell aria-label="Actions" className="text-right">
                    <UnlinkButton person={person} company={company} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </ListTable>
        )}
      </PagedList>
    </PageSection>
  );
}

function AddPersonButton({ company }: { company: Company }) {
  return (
    <LazyDialogButton
      load={loadDialog}
      icon={UserPlusIcon}
      dialog={(state) => <AddPersonDialog company={company} {...state} />}
    >
      Add person
    </LazyDialogButton>
  );
}

/** Takes a person off the company (they stay a customer). */
function UnlinkButton({
  person,
  company,
}: {
  person: { id: string; firstName: string; lastName: string; email: string | null };
  company: Company;
}) {
  const utils = api.useUtils();
  const name = customerName(person);
  const unlink = api.customers.update.useMutation({
    onSuccess: async () => {
      toast.success(`${name} is no longer at ${company.name}`);
      await Promise.all([utils.companies.invalidate(), utils.customers.invalidate()]);
    },
    onError: (error) => toast.error(describeError(error)),
  });
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={`Remove ${name} from ${company.name}`}
      title={`Remove from ${company.name}`}
      disabled={unlink.isPending}
      onClick={() => unlink.mutate({ id: person.id, companyId: null })}
    >
      <UnlinkIcon aria-hidden="true" />
    </Button>
  );
}
