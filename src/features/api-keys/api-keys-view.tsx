'use client';

import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyDialog } from './create-api-key-dialog';

export function ApiKeysView() {
  const canManage = useCan('api-keys:manage');
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="API keys"
        description="Keys let other systems use the REST API at /api/v1 with a role of their own."
        actions={canManage ? <CreateApiKeyDialog /> : null}
      />
      {canManage ? (
        <ApiKeysList />
      ) : (
        <div className="rounded-lg border border-dashed bg-background p-8 text-center">
          <p className="text-sm text-muted-foreground">
            Only owners and admins can see and manage API keys.
          </p>
        </div>
      )}
    </div>
  );
}

function ApiKeysList() {
  const list = api.apiKeys.list.useQuery();
  return (
    <section aria-labelledby="api-keys-heading" className="grid grid-cols-1 gap-4">
      <h2 id="api-keys-heading" className="sr-only">
        Keys
      </h2>
      {list.isPending ? (
        <div className="grid gap-2" role="status" aria-label="Loading API keys">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState
          what="The API keys could not be loaded."
          error={list.error}
          retry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <div className="rounded-lg border border-dashed bg-background p-10 text-center">
          <p className="font-medium">No API keys yet.</p>
          <p className="mt-1 text-sm text-muted-foreground">
            Create one to let another system read and write customers.
          </p>
        </div>
      ) : (
        <ApiKeysTable keys={list.data} canManage />
      )}
    </section>
  );
}
