'use client';

import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { api } from '@/trpc/react';
import { useMemberNames } from './use-member-names';

/** Every stage the deal entered, oldest first: from where, to where, by whom and when. */
export function DealStageHistory({
  dealId,
  stageNames,
}: {
  dealId: string;
  stageNames: ReadonlyMap<string, string>;
}) {
  const history = api.deals.stageHistory.useQuery({ id: dealId });
  const names = useMemberNames();
  const stage = (id: string | null) => (id ? (stageNames.get(id) ?? 'A removed stage') : null);
  return (
    <QueryState
      query={history}
      loading={{ label: 'Loading the stage history', shape: 'items', count: 2 }}
      failure="The stage history could not be loaded."
    >
      {(data) => (
        <ol className="grid gap-4 border-l pl-4">
          {data.items.map((change) => {
            const from = stage(change.fromStageId);
            const to = stage(change.toStageId) ?? 'A removed stage';
            const who = change.changedById
              ? (names.get(change.changedById) ?? 'A former member')
              : 'An integration';
            return (
              <li key={change.id} className="relative grid gap-0.5 text-sm">
                <span
                  aria-hidden="true"
                  className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-primary"
                />
                <span className="font-medium">{from ? `${from} → ${to}` : `Created in ${to}`}</span>
                <span className="text-muted-foreground">
                  {who},{' '}
                  <time dateTime={change.changedAt.toISOString()}>
                    {formatDateTime(change.changedAt)}
                  </time>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </QueryState>
  );
}
