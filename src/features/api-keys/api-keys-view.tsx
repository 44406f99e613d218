'use client';

import { PlusIcon } from 'lucide-react';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { useNewRecordParam } from '@/lib/use-new-record-param';
import { api } from '@/trpc/react';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyDialog } from './create-api-key-dialog';

export function ApiKeysView() {
  const canManage = useCan('api-keys:manage');
  // The one dialog that creates keys, also for the empty list's button: the new key is shown
  // once, so its dialog must not go away with the empty list when the key appears.
  const asks = useNewRecordParam('key');
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="API keys"
        description="Keys let other systems use the REST API at /api/v1 with a role of their own."
        actions={canManage ? <CreateApiKeyDialog key={asks} initiallyOpen={asks > 0} /> : null}
      />
      {canManage ? (
        <ApiKeysList />
      ) : (
        <EmptyState>Only owners and admins can see and manage API keys.</EmptyState>
      )}
    </div>
  );
}

function ApiKeysList() {
  const list = api.apiKeys.list.useQuery();
  return (
    <PageSection id="api-keys-heading" title="Keys" hiddenTitle>
      <QueryState
        query={list}
        loading={{ label: 'Loading API keys' }}
        failure="The API keys could not be loaded."
        isEmpty={(keys) => keys.length === 0}
        empty={
          <EmptyState
            title="No API keys yet."
            action={
              <Button asChild variant="outline">
                <Link href="/api-keys?new=key">
                  <PlusIcon aria-hidden="true" />
                  Create your first key
                </Link>
              </Button>
            }
          >
            Create one to let another system read and write customers.
          </EmptyState>
        }
      >
        {(keys) => <ApiKeysTable keys={keys} canManage />}
      </QueryState>
    </PageSection>
  );
}
