'use client';

import { KanbanIcon, ListIcon } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { SelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { useSetSearchParam } from '@/lib/use-replace-search-params';
import { cn } from '@/lib/utils';
import type { Pipeline } from '@/schemas/pipelines';
import { api } from '@/trpc/react';
import { ImportLink } from '@/features/import/import-link';
import { SavedViewsBar } from '@/features/views/saved-views-bar';
import { DealBoard } from './deal-board';
import { DealCreateDialog } from './deal-create-dialog';
import { DealsList } from './deals-list';
import { dealFiltersFrom, dealsViewMode, dealViewQuery, type DealsViewMode } from './list-params';
import { PipelineStagesButton } from './pipeline-stages-button';

/** The pipeline named in the URL, else the default one. */
function chosenPipeline(pipelines: readonly Pipeline[], id: string | undefined) {
  return (
    pipelines.find((pipeline) => pipeline.id === id) ??
    pipelines.find((pipeline) => pipeline.isDefault) ??
    pipelines[0]
  );
}

/** The deals of a pipeline: as a board of stages (the default) or as a filtered list. */
export function DealsView() {
  const searchParams = useSearchParams();
  const mode = dealsViewMode(searchParams.get('view'));
  const filters = useMemo(() => dealFiltersFrom(searchParams), [searchParams]);
  const canCreate = useCan('deals:write');
  const canManage = useCan('pipelines:manage');
  const pipelines = api.pipelines.list.useQuery({});
  const items = pipelines.data?.items ?? [];
  const pipeline = chosenPipeline(items, filters.pipelineId);

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Deals"
        description="What your team is selling, stage by stage."
        actions={
          pipeline ? (
            <>
              <ImportLink kind="deals" />
              {canManage ? <PipelineStagesButton pipeline={pipeline} /> : null}
              {canCreate ? <DealCreateDialog pipeline={pipeline} /> : null}
            </>
          ) : null
        }
      />
      <SavedViewsBar list="deals" plainLabel="All deals" canonicalQuery={dealViewQuery} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        {items.length > 1 && pipeline ? (
          <PipelinePicker pipelines={items} value={pipeline.id} />
        ) : (
          <span />
        )}
        <ViewSwitch mode={mode} />
      </div>
      {mode === 'list' ? (
        <QueryState
          query={pipelines}
          loading={{ label: 'Loading deals', count: 6 }}
          failure="The pipelines could not be loaded."
        >
          {(data) => (
            <DealsList
              filters={pipeline ? { ...filters, pipelineId: pipeline.id } : filters}
              pipelines={data.items}
              emptyAction={
                canCreate && pipeline ? (
                  <DealCreateDialog pipeline={pipeline} variant="outline" />
                ) : undefined
              }
            />
          )}
        </QueryState>
      ) : (
        <BoardSection pipelineId={filters.pipelineId} />
      )}
    </div>
  );
}

function BoardSection({ pipelineId }: { pipelineId: string | undefined }) {
  const canCreate = useCan('deals:write');
  const input = { pipelineId };
  const board = api.deals.board.useQuery(input);
  return (
    <QueryState
      query={board}
      loading={{ label: 'Loading the board', shape: 'chart' }}
      failure="The board could not be loaded."
      isEmpty={(data) => data.stages.every((stage) => stage.count === 0)}
      empty={
        <EmptyState
          title="No deals in this pipeline yet."
          action={
            canCreate && board.data ? (
              <DealCreateDialog pipeline={board.data.pipeline} variant="outline" />
            ) : undefined
          }
        >
          {canCreate
            ? 'Add the first deal, then move it across the stages as it progresses.'
            : 'Deals your team adds will appear here, stage by stage.'}
        </EmptyState>
      }
    >
      {(data) => <DealBoard board={data} input={input} canMove={canCreate} />}
    </QueryState>
  );
}

function PipelinePicker({ pipelines, value }: { pipelines: readonly Pipeline[]; value: string }) {
  const setParam = useSetSearchParam();
  return (
    <SelectField
      label="Pipeline"
      name="pipeline"
      value={value}
      onValueChange={(id) => setParam('pipeline', id)}
      triggerClassName="w-56"
    >
      {pipelines.map((pipeline) => (
        <SelectItem key={pipeline.id} value={pipeline.id}>
          {pipeline.name}
        </SelectItem>
      ))}
    </SelectField>
  );
}

/** Board or list, as links so either view can be bookmarked and reloaded. */
function ViewSwitch({ mode }: { mode: DealsViewMode }) {
  const searchParams = useSearchParams();
  const href = (next: DealsViewMode) => {
    const params = new URLSearchParams();
    const pipeline = searchParams.get('pipeline');
    if (pipeline) params.set('pipeline', pipeline);
    if (next === 'list') params.set('view', 'list');
    const query = params.toString();
    return query ? `/deals?${query}` : '/deals';
  };
  const views = [
    { mode: 'board', label: 'Board', icon: KanbanIcon },
    { mode: 'list', label: 'List', icon: ListIcon },
  ] as const;
  return (
    <nav aria-label="View" className="inline-flex rounded-md border bg-background p-0.5">
      {views.map((view) => (
        <Link
          key={view.mode}
          href={href(view.mode)}
          aria-current={mode === view.mode ? 'page' : undefined}
          className={cn(
            'inline-flex h-8 items-center gap-1.5 rounded px-3 text-sm font-medium text-muted-foreground hover:text-foreground',
            mode === view.mode && 'bg-secondary text-secondary-foreground',
          )}
        >
          <view.icon aria-hidden="true" className="size-4" />
          {view.label}
        </Link>
      ))}
    </nav>
  );
}
