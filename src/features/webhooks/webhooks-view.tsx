'use client';

import { PlusIcon } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
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
          <EndpointList />
          <EndpointFormDialog open={adding} onOpenChange={setAdding} />
        </>
      ) : (
        <div className="rounded-lg border border-dashed bg-background p-8 text-center">
          <p className="text-sm text-muted-foreground">
            Only owners and admins can see and manage webhooks.
          </p>
        </div>
      )}
    </div>
  );
}

function EndpointList() {
  const list = api.webhooks.list.useQuery({});
  if (list.isPending) {
    return (
      <div className="grid gap-2" role="status" aria-label="Loading webhook endpoints">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  if (list.isError) {
    return (
      <ErrorState
        what="The webhook endpoints could not be loaded."
        error={list.error}
        retry={() => void list.refetch()}
      />
    );
  }
  const endpoints = list.data.items;
  if (endpoints.length === 0) {
    return (
      <div className="rounded-lg border border-dashed bg-background p-10 text-center">
        <p className="font-medium">No endpoints yet.</p>
        <p className="mt-1 text-sm text-muted-foreground">
          Add one to have another system told about changes as they happen. Systems that prefer to
          poll can read the same events from GET /api/v1/events.
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="endpoints-heading" className="grid gap-2">
      <h2 id="endpoints-heading" className="sr-only">
        Endpoints
      </h2>
      <EndpointsTable endpoints={endpoints} />
      <p className="text-xs text-muted-foreground">
        {endpoints.length} of at most {MAX_WEBHOOK_ENDPOINTS} endpoints.
      </p>
    </section>
  );
}

function EndpointsTable({ endpoints }: { endpoints: WebhookEndpoint[] }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>URL</TableHead>
            <TableHead>Description</TableHead>
            <TableHead>Events</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Added</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {endpoints.map((endpoint) => (
            <TableRow key={endpoint.id}>
              <TableCell className="max-w-80 truncate font-medium">
                <Link
                  href={`/webhooks/${endpoint.id}`}
                  className="underline-offset-4 hover:underline"
                >
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
        </TableBody>
      </Table>
    </div>
  );
}
