'use client';

import { PlusIcon } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatDate } from '@/lib/format';
import { MAX_WEBHOOK_ENDPOINTS, type WebhookEndpoint } from '@/schemas/webhooks';
import { api } from '@/trpc/react';
import { EndpointFormDialog } from './endpoint-form-dialog';
import { EndpointStateBadge } from './endpoint-state-badge';

export function WebhooksView() {
  const canManage = useCan('webhooks:manage');
  const [adding, setAdding] = useState(false);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Webhooks"
        description="Endpoints that receive signed events when customers, timelines and orders change."
        actions={
          canManage ? (
            <Button onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden="true" />
              Add endpoint
            </Button>
          ) : null
        }
      />
      {canManage ? (
        <>
          <EndpointList onAdd={() => setAdding(true)} />
          <EndpointFormDialog open={adding} onOpenChange={setAdding} />
        </>
      ) : (
        <EmptyState>Only owners and admins can see and manage webhooks.</EmptyState>
      )}
    </div>
  );
}

function EndpointList({ onAdd }: { onAdd: () => void }) {
  const list = api.webhooks.list.useQuery({});
  return (
    <QueryState
      query={list}
      loading={{ label: 'Loading webhook endpoints', count: 3 }}
      failure="The webhook endpoints could not be loaded."
      isEmpty={({ items }) => items.length === 0}
      empty={
        <EmptyState
          title="No endpoints yet."
          action={
            <Button variant="outline" onClick={onAdd}>
              <PlusIcon aria-hidden="true" />
              Add your first endpoint
            </Button>
          }
        >
          Add one to have another system told about changes as they happen. Systems that prefer to
          poll can read the same events from GET /api/v1/events.
        </EmptyState>
      }
    >
      {({ items: endpoints }) => (
        <section aria-labelledby="endpoints-heading" className="grid gap-2">
          <h2 id="endpoints-heading" className="sr-only">
            Endpoints
          </h2>
          <EndpointsTable endpoints={endpoints} />
          <p className="text-xs text-muted-foreground">
            {endpoints.length} of at most {MAX_WEBHOOK_ENDPOINTS} endpoints.
          </p>
        </section>
      )}
    </QueryState>
  );
}

function EndpointsTable({ endpoints }: { endpoints: WebhookEndpoint[] }) {
  return (
    <ListTable columns={['URL', 'Description', 'Events', 'State', 'Added']}>
      {endpoints.map((endpoint) => (
        <TableRow key={endpoint.id}>
          <TableCell className="max-w-80 truncate font-medium">
            <Link href={`/webhooks/${endpoint.id}`} className="underline-offset-4 hover:underline">
              {endpoint.url}
            </Link>
          </TableCell>
          <TableCell className="max-w-60 truncate text-muted-foreground">
            {endpoint.description || '—'}
          </TableCell>
          <TableCell className="text-muted-foreground">
            {endpoint.eventTypes.length === 1
              ? endpoint.eventTypes[0]
              : `${endpoint.eventTypes.length} events`}
          </TableCell>
          <TableCell>
            <EndpointStateBadge enabled={endpoint.enabled} />
          </TableCell>
          <TableCell className="text-muted-foreground">
            <time dateTime={endpoint.createdAt.toISOString()}>
              {formatDate(endpoint.createdAt)}
            </time>
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
