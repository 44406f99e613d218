'use client';

import { useEffect } from 'react';
import { PagedList } from '@/components/paged-list';
import { ListTable, type ListColumn } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { nextPageCursor } from '@/lib/cursor-pages';
import { formatDateTime } from '@/lib/format';
import type { WebhookDelivery, WebhookDeliveryAttempt } from '@/schemas/webhooks';
import { api } from '@/trpc/react';

const COLUMNS: ListColumn[] = ['Attempt', 'When', 'Response', 'Duration', 'Outcome'];

/** Every attempt at one delivery, the latest first, refreshed as the delivery makes more. */
export function DeliveryAttempts({
  endpointId,
  delivery,
}: {
  endpointId: string;
  delivery: WebhookDelivery;
}) {
  const utils = api.useUtils();
  const input = { endpointId, id: delivery.id, limit: 25 };
  const list = api.webhooks.attempts.useInfiniteQuery(input, {
    getNextPageParam: nextPageCursor,
  });
  const { attempts } = delivery;
  useEffect(() => {
    void utils.webhooks.attempts.invalidate({ endpointId, id: delivery.id });
  }, [utils, endpointId, delivery.id, attempts]);

  return (
    <section aria-label="Attempts" className="grid gap-2 pb-2">
      <h3 className="text-sm font-medium">Attempts</h3>
      <PagedList
        query={list}
        loading={{ label: 'Loading attempts' }}
        failure="The attempts could not be loaded."
        empty={<p className="text-sm text-muted-foreground">No attempt yet.</p>}
        moreLabel="Show earlier attempts"
      >
        {(items) => <AttemptsTable attempts={items} />}
      </PagedList>
    </section>
  );
}

function AttemptsTable({ attempts }: { attempts: WebhookDeliveryAttempt[] }) {
  return (
    <ListTable columns={COLUMNS}>
      {attempts.map((attempt) => (
        <TableRow key={attempt.id}>
          <TableCell>{attempt.attempt}</TableCell>
          <TableCell className="text-muted-foreground">
            <time dateTime={attempt.attemptedAt.toISOString()}>
              {formatDateTime(attempt.attemptedAt)}
            </time>
          </TableCell>
          <TableCell className="text-muted-foreground">{attempt.responseStatus ?? '—'}</TableCell>
          <TableCell className="text-muted-foreground">
            {attempt.durationMs === null ? '—' : `${attempt.durationMs} ms`}
          </TableCell>
          <TableCell className="whitespace-normal">
            {attempt.error ? (
              <span className="break-words text-destructive">{attempt.error}</span>
            ) : (
              'Received'
            )}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
