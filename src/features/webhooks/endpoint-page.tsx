'use client';

import { useState } from 'react';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { uuidParam } from '@/lib/url-params';
import { formatDateTime } from '@/lib/format';
import { isNotFound } from '@/lib/server-errors';
import type { WebhookEndpoint } from '@/schemas/webhooks';
import { api } from '@/trpc/react';
import { DeliveryLog } from './delivery-log';
import { EndpointActions } from './endpoint-actions';
import { EndpointStateBadge } from './endpoint-state-badge';

export function EndpointPage({ id }: { id: string }) {
  const canManage = useCan('webhooks:manage');
  // A malformed id cannot be an endpoint, so it is not asked for.
  const wellFormed = uuidParam(id) !== undefined;
  const endpoint = api.webhooks.get.useQuery({ id }, { enabled: wellFormed && canManage });

  if (!wellFormed || !canManage) return <EndpointNotFound />;
  if (endpoint.isPending) return <EndpointSkeleton />;
  if (endpoint.isError) {
    if (isNotFound(endpoint.error)) return <EndpointNotFound />;
    return (
      <div className="grid grid-cols-1 gap-6">
        <EndpointCrumbs label="Endpoint" />
        <PageHeader title="Webhook endpoint" />
        <ErrorState
          what="The endpoint could not be loaded."
          error={endpoint.error}
          retry={() => void endpoint.refetch()}
        />
      </div>
    );
  }
  return <EndpointDetails endpoint={endpoint.data} />;
}

function EndpointDetails({ endpoint }: { endpoint: WebhookEndpoint }) {
  // When the page was shown; good enough to tell whether the overlap after a rotation is over.
  const [now] = useState(() => Date.now());
  const previousSecretValid =
    endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > now;
  return (
    <div className="grid grid-cols-1 gap-6">
      <EndpointCrumbs label={endpoint.url} />
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
      </dl>
      <DeliveryLog endpointId={endpoint.id} />
    </div>
  );
}

function EndpointCrumbs({ label }: { label: string }) {
  return <Breadcrumbs items={[{ label: 'Webhooks', href: '/webhooks' }, { label }]} />;
}

function EndpointNotFound() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <EndpointCrumbs label="Not found" />
      <div className="rounded-lg border border-dashed bg-background p-10 text-center">
        <h1 className="font-medium">Endpoint not found</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          It may have been deleted, or it belongs to another organization.
        </p>
      </div>
    </div>
  );
}

function EndpointSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-6" role="status" aria-label="Loading the endpoint">
      <Skeleton className="h-5 w-24" />
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-32 w-full" />
      <Skeleton className="h-48 w-full" />
    </div>
  );
}
