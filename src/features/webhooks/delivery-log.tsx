'use client';

import { ChevronDownIcon, ChevronRightIcon, RotateCwIcon } from 'lucide-react';
import { Fragment, useState } from 'react';
import { toast } from '@/lib/toast';
import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { Button } from '@/components/ui/button';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import { ACTIONS_COLUMN, ListTable, type ListColumn } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { formatDateTime } from '@/lib/format';
import { describeError } from '@/lib/server-errors';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookDelivery } from '@/schemas/webhooks';
import { api } from '@/trpc/react';
import { DeliveryAttempts } from './delivery-attempts';
import { deliveryStatusLabel, DeliveryStatusBadge } from './delivery-status-badge';

const PAGE_SIZE = 25;
const ALL = 'all';

const SOON_MS = 60_000;

const COLUMNS: ListColumn[] = [
  { label: 'Details', srOnly: true, className: 'w-8' },
  'Event',
  'Status',
  'Response',
  'Duration',
  'Attempts',
  'Last attempt',
  ACTIONS_COLUMN,
];

/** Deliveries about to be attempted are watched closely; retries due later now and then. */
function refreshInterval(deliveries: WebhookDelivery[]): number | false {
  const now = Date.now();
  const dueSoon = deliveries.some(
    (delivery) =>
      delivery.status === 'pending' ||
      (delivery.status === 'retrying' &&
        delivery.nextAttemptAt !== null &&
        delivery.nextAttemptAt.getTime() - now < SOON_MS),
  );
  if (dueSoon) return 2_000;
  return deliveries.some((delivery) => delivery.status === 'retrying') ? 30_000 : false;
}

export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const [status, setStatus] = useState<DeliveryStatus | typeof ALL>(ALL);
  const list = api.webhooks.deliveries.useInfiniteQuery(
    { endpointId, limit: PAGE_SIZE, status: status === ALL ? undefined : [status] },
    {
      getNextPageParam: nextPageCursor,
      refetchInterval: (query) => refreshInterval(loadedItems(query.state.data)),
    },
  );

  return (
    <PageSection
      id="deliveries-heading"
      title="Deliveries"
      action={
        <Select value={status} onValueChange={(value) => setStatus(value as typeof status)}>
          <SelectTrigger className="w-40" aria-label="Show deliveries">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All deliveries</SelectItem>
            {DELIVERY_STATUSES.map((value) => (
              <SelectItem key={value} value={value}>
                {deliveryStatusLabel(value)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      }
    >
      <PagedList
        query={list}
        loading={{ label: 'Loading deliveries' }}
        failure="The deliveries could not be loaded."
        empty={
          <EmptyState>
            {status === ALL
              ? 'Nothing sent yet. A delivery appears here as soon as a subscribed event happens.'
              : `No ${deliveryStatusLabel(status).toLowerCase()} deliveries.`}
          </EmptyState>
        }
        moreLabel="Show older"
      >
        {(deliveries) => <DeliveriesTable endpointId={endpointId} deliveries={deliveries} />}
      </PagedList>
    </PageSection>
  );
}

function DeliveriesTable({
  endpointId,
  deliveries,
}: {
  endpointId: string;
  deliveries: WebhookDelivery[];
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ListTable columns={COLUMNS}>
      {deliveries.map((delivery) => {
        const expanded = open === delivery.id;
        const detailsId = `delivery-${delivery.id}-details`;
        return (
          <Fragment key={delivery.id}>
            <TableRow>
              <TableCell>
                <Button
                  variant="ghost"
                  size="icon"
                  className="size-7"
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailsId : undefined}
                  aria-label={`Details of ${delivery.eventType} delivery`}
                  onClick={() => setOpen(expanded ? null : delivery.id)}
                >
                  {expanded ? (
                    <ChevronDownIcon aria-hidden="true" />
                  ) : (
                    <ChevronRightIcon aria-hidden="true" />
                  )}
                </Button>
              </TableCell>
              <TableCell className="font-mono text-xs">{delivery.eventType}</TableCell>
              <TableCell>
                <DeliveryStatusBadge status={delivery.status} />
              </TableCell>
              <TableCell className="text-muted-foreground">
                {delivery.responseStatus ?? '—'}
              </TableCell>
              <TableCell className="text-muted-foreground">
                {delivery.durationMs === null ? '—' : `${delivery.durationMs} ms`}
              </TableCell>
              <TableCell className="text-muted-foreground">{delivery.attempts}</TableCell>
              <TableCell className="text-muted-foreground">
                {delivery.lastAttemptAt ? (
                  <time dateTime={delivery.lastAttemptAt.toISOString()}>
                    {formatDateTime(delivery.lastAttemptAt)}
                  </time>
                ) : (
                  'Not yet'
                )}
              </TableCell>
              <TableCell className="text-right">
                <RedeliverButton endpointId={endpointId} delivery={delivery} />
              </TableCell>
            </TableRow>
            {expanded ? (
              <TableRow id={detailsId}>
                <TableCell colSpan={COLUMNS.length} className="bg-muted/40">
                  <DeliveryDetails delivery={delivery} />
                  <DeliveryAttempts endpointId={endpointId} delivery={delivery} />
                </TableCell>
              </TableRow>
            ) : null}
          </Fragment>
        );
      })}
    </ListTable>
  );
}

function DeliveryDetails({ delivery }: { delivery: WebhookDelivery }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 py-2 text-sm whitespace-normal sm:grid-cols-[10rem_minmax(0,1fr)]">
      <dt className="text-muted-foreground">Event id</dt>
      <dd className="font-mono text-xs break-all">{delivery.eventId}</dd>
      <dt className="text-muted-foreground">Queued</dt>
      <dd>{formatDateTime(delivery.createdAt)}</dd>
      {delivery.nextAttemptAt ? (
        <>
          <dt className="text-muted-foreground">Next attempt</dt>
          <dd>{formatDateTime(delivery.nextAttemptAt)}</dd>
        </>
      ) : null}
      {delivery.error ? (
        <>
          <dt className="text-muted-foreground">Error</dt>
          <dd className="break-words text-destructive">{delivery.error}</dd>
        </>
      ) : null}
      <dt className="text-muted-foreground">Response body</dt>
      <dd>
        {delivery.responseBody ? (
          <pre className="max-h-48 overflow-auto rounded-md border bg-background p-2 font-mono text-xs whitespace-pre-wrap">
            {delivery.responseBody}
          </pre>
        ) : (
          <span className="text-muted-foreground">None</span>
        )}
      </dd>
    </dl>
  );
}

function RedeliverButton({
  endpointId,
  delivery,
}: {
  endpointId: string;
  delivery: WebhookDelivery;
}) {
  const utils = api.useUtils();
  const redeliver = api.webhooks.redeliver.useMutation({
    onSuccess: async () => {
      toast.success(`The ${delivery.eventType} event is being sent again`);
      await utils.webhooks.deliveries.invalidate({ endpointId });
    },
    onError: (error) => toast.error(describeError(error)),
  });
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={redeliver.isPending || delivery.status === 'pending'}
      aria-label={`Redeliver ${delivery.eventType} event`}
      onClick={() => redeliver.mutate({ endpointId, id: delivery.id })}
    >
      <RotateCwIcon aria-hidden="true" />
      Redeliver
    </Button>
  );
}
