'use client';

import { useState } from 'react';
import { useCan } from '@/components/permissions-provider';
import { RecordPageFrame, RecordPageSkeleton, RecordQueryState } from '@/components/record-page';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { uuidParam } from '@/lib/url-params';
import { formatDateTime } from '@/lib/format';
import type { WebhookEndpoint } from '@/schemas/webhooks';
import { api } from '@/trpc/react';
import { DeliveryLog } from './delivery-log';
import { EndpointActions } from './endpoint-actions';
import { EndpointStateBadge } from './endpoint-state-badge';
import { SendTestEvent } from './send-test-event';

const WEBHOOKS = { label: 'Webhooks', href: '/webhooks' };

export function EndpointPage({ id }: { id: string }) {
  const canManage = useCan('webhooks:manage');
  // A malformed id cannot be an endpoint, so it is not asked for.
  const wellFormed = uuidParam(id) !== undefined;
  const endpoint = api.webhooks.get.useQuery({ id }, { enabled: wellFormed && canManage });

  if (!wellFormed || !canManage) return <EndpointNotFound />;
  return (
    <RecordQueryState
      query={endpoint}
      list={WEBHOOKS}
      title="Webhook endpoint"
      crumb="Endpoint"
      failure="The endpoint could not be loaded."
      loading={<EndpointSkeleton />}
      notFound={<EndpointNotFound />}
    >
      {(data) => <EndpointDetails endpoint={data} />}
    </RecordQueryState>
  );
}

function EndpointDetails({ endpoint }: { endpoint: WebhookEndpoint }) {
  // When the page was shown; good enough to tell whether the overlap after a rotation is over.
  const [now] = useState(() => Date.now());
  const previousSecretValid =
    endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > now;
  return (
    <RecordPageFrame list={WEBHOOKS} crumb={endpoint.url}>
      <div className="grid gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-all">{endpoint.url}</h1>
          {endpoint.description ? (
            <p className="text-sm text-muted-foreground">{endpoint.description}</p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <EndpointActions endpoint={endpoint} />
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border bg-background p-4 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
        <dt className="text-muted-foreground">State</dt>
        <dd>
          <EndpointStateBadge enabled={endpoint.enabled} />
        </dd>
        <dt className="text-muted-foreground">Events</dt>
        <dd className="flex flex-wrap gap-1">
          {endpoint.eventTypes.map((type) => (
            <Badge key={type} variant="outline" className="font-mono">
              {type}
            </Badge>
          ))}
        </dd>
        <dt className="text-muted-foreground">Signing</dt>
        <dd>
          {previousSecretValid
            ? `Signed with the new and the previous secret until ${formatDateTime(endpoint.previousSecretExpiresAt!)}.`
            : 'Signed with the current secret (Standard Webhooks, HMAC-SHA256).'}
        </dd>
        <dt className="text-muted-foreground">Added</dt>
        <dd>{formatDateTime(endpoint.createdAt)}</dd>
        <dt className="text-muted-foreground">Test</dt>
        <dd>
          <SendTestEvent endpointId={endpoint.id} />
        </dd>
      </dl>
      <DeliveryLog endpointId={endpoint.id} />
    </RecordPageFrame>
  );
}

function EndpointNotFound() {
  return (
    <RecordPageFrame list={WEBHOOKS} crumb="Not found">
      <div className="rounded-lg border border-dashed bg-background p-10 text-center">
        <h1 className="font-medium">Endpoint not found</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          It may have been deleted, or it belongs to another organization.
        </p>
      </div>
    </RecordPageFrame>
  );
}

function EndpointSkeleton() {
  return (
    <RecordPageSkeleton label="Loading the endpoint">
      <Skeleton className="h-32 w-full" />
      <Skeleton className="h-48 w-full" />
    </RecordPageSkeleton>
  );
}
