'use client';

import { PencilIcon, Trash2Icon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { ActionsMenu, ActionsMenuItem } from '@/components/actions-menu';
import { PageHeader } from '@/components/page-header';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import {
  RecordNotFound,
  RecordPageFrame,
  RecordPageSkeleton,
  RecordQueryState,
} from '@/components/record-page';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime, formatMoney } from '@/lib/format';
import { uuidParam } from '@/lib/url-params';
import type { Deal } from '@/schemas/deals';
import { OpenTasks } from '@/features/tasks/open-tasks';
import { api } from '@/trpc/react';
import { formatDay } from './deal-dates';
import { DealDeleteDialog } from './deal-delete-dialog';
import { DealEditDialog } from './deal-edit-dialog';
import { DealOrderAction } from './deal-order-action';
import { DealPeople } from './deal-people';
import { DealStageHistory } from './deal-stage-history';
import { DealStagePicker } from './deal-stage-picker';
import { DealStatusBadge } from './deal-status-badge';
import { DealTimeline } from './deal-timeline';
import { ownerLabel, useMemberNames } from './use-member-names';

const DEALS = { label: 'Deals', href: '/deals' };

/** One deal: what it is worth and to whom, where it stands, and how it got there. */
export function DealPage({ id }: { id: string }) {
  // A malformed id cannot be a deal, so it is not asked for.
  const wellFormed = uuidParam(id) !== undefined;
  const deal = api.deals.get.useQuery({ id }, { enabled: wellFormed });

  const notFound = (
    <RecordNotFound
      list={DEALS}
      title="Deal not found"
      message="This deal does not exist, or was deleted."
      hint="It may have been mistyped, or belong to another organization."
    />
  );

  if (!wellFormed) return notFound;
  return (
    <RecordQueryState
      query={deal}
      list={DEALS}
      title="Deal"
      failure="The deal could not be loaded."
      loading={<DealSkeleton />}
      notFound={notFound}
    >
      {(data) => <DealDetails deal={data} />}
    </RecordQueryState>
  );
}

function DealDetails({ deal }: { deal: Deal }) {
  const router = useRouter();
  const canWrite = useCan('deals:write');
  const canDelete = useCan('deals:delete');
  const canOrder = useCan('orders:write');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  const pipelines = api.pipelines.list.useQuery({});
  const pipeline = pipelines.data?.items.find((item) => item.id === deal.pipelineId);
  const stages = useMemo(
    () => [...(pipeline?.stages ?? [])].sort((a, b) => a.position - b.position),
    [pipeline],
  );
  const stageNames = useMemo(
    () =>
      new Map(
        (pipelines.data?.items ?? []).flatMap((item) =>
          item.stages.map((stage) => [stage.id, stage.name]),
        ),
      ),
    [pipelines.data],
  );
  const stageName = stageNames.get(deal.stageId);

  return (
    <RecordPageFrame list={DEALS} crumb={deal.title}>
      <PageHeader
        title={deal.title}
        description={pipeline ? `${pipeline.name} pipeline` : undefined}
        actions={
          <>
            {canWrite ? (
              <Button onClick={() => setEditing(true)}>
                <PencilIcon aria-hidden="true" />
                Edit deal
              </Button>
            ) : null}
            {canDelete ? (
              <ActionsMenu triggerRef={more}>
                <ActionsMenuItem icon={Trash2Icon} destructive onSelect={() => setDeleting(true)}>
                  Delete deal
                </ActionsMenuItem>
              </ActionsMenu>
            ) : null}
          </>
        }
      />
      <div className="-mt-3 flex flex-wrap items-center gap-3 text-sm">
        <DealStatusBadge status={deal.status} />
        {stageName ? (
          <span>
            <span className="text-muted-foreground">Stage: </span>
            {stageName}
          </span>
        ) : null}
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid gap-6">
          <PageSection boxed id="deal-details-heading" title="Details">
            <DealFacts deal={deal} />
            {canWrite && stages.length > 0 ? <DealStagePicker deal={deal} stages={stages} /> : null}
          </PageSection>

          <OpenTasks boxed related={{ type: 'deal', id: deal.id }} />

          <PageSection boxed id="deal-people-heading" title="People">
            <DealPeople customerIds={deal.customerIds} />
          </PageSection>

          {deal.status === 'won' && canOrder ? (
            <PageSection boxed id="deal-order-heading" title="Order">
              <DealOrderAction deal={deal} />
            </PageSection>
          ) : null}

          <DealTimeline dealId={deal.id} />
        </div>

        <PageSection boxed id="deal-history-heading" title="Stage history">
          <DealStageHistory dealId={deal.id} stageNames={stageNames} />
        </PageSection>
      </div>

      {canWrite ? <DealEditDialog deal={deal} open={editing} onOpenChange={setEditing} /> : null}
      {canDelete ? (
        <DealDeleteDialog
          deal={deal}
          open={deleting}
          onOpenChange={setDeleting}
          finalFocus={more}
          onDeleted={() => router.push('/deals')}
        />
      ) : null}
    </RecordPageFrame>
  );
}

/** What the deal is worth, to whom, and when it closes (or closed, and why it was lost). */
function DealFacts({ deal }: { deal: Deal }) {
  const names = useMemberNames();
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <Fact label="Amount">
        <span className="tabular-nums">{formatMoney(deal.amountCents, deal.currency)}</span>
      </Fact>
      <Fact label="Owner">{ownerLabel(names, deal.ownerId)}</Fact>
      <Fact label="Expected close">
        {deal.expectedCloseDate ? (
          <time dateTime={deal.expectedCloseDate}>{formatDay(deal.expectedCloseDate)}</time>
        ) : (
          'Not set'
        )}
      </Fact>
      {deal.closedAt ? (
        <Fact label={deal.status === 'won' ? 'Won' : 'Closed'}>
          <time dateTime={deal.closedAt.toISOString()}>{formatDateTime(deal.closedAt)}</time>
        </Fact>
      ) : null}
      {deal.companyId ? (
        <Fact label="Company">
          <DealCompany companyId={deal.companyId} />
        </Fact>
      ) : null}
      {deal.status === 'lost' ? (
        <Fact label="Lost reason">{deal.lostReason ?? 'None given'}</Fact>
      ) : null}
    </dl>
  );
}

/** The deal's company by name, a link to its page; a deleted company is said to be. */
function DealCompany({ companyId }: { companyId: string }) {
  const company = api.companies.get.useQuery({ id: companyId });
  if (company.isError) return <span className="text-muted-foreground">A deleted company</span>;
  return (
    <Link href={`/companies/${companyId}`} className="underline-offset-4 hover:underline">
      {company.data?.name ?? 'Loading…'}
    </Link>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function DealSkeleton() {
  return (
    <RecordPageSkeleton label="Loading the deal">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Skeleton className="h-48 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    </RecordPageSkeleton>
  );
}
