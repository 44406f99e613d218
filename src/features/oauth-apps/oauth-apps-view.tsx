'use client';

import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { useNewRecordParam } from '@/lib/use-new-record-param';
import { api } from '@/trpc/react';
import { AppGrantsTable } from './app-grants-table';
import { OAuthAppsTable } from './oauth-apps-table';
import { RegisterAppDialog } from './register-app-dialog';

export function OAuthAppsView() {
  const canManage = useCan('apps:manage');
  const asks = useNewRecordParam('app');
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="OAuth apps"
        description="Apps that sign in with OAuth 2.1: for people who allow them, or server to server."
        actions={canManage ? <RegisterAppDialog key={asks} initiallyOpen={asks > 0} /> : null}
      />
      {canManage ? (
        <>
          <AppsList />
          <GrantsList />
        </>
      ) : (
        <EmptyState>Only owners and admins can see and manage OAuth apps.</EmptyState>
      )}
    </div>
  );
}

function AppsList() {
  const list = api.apps.list.useQuery({});
  return (
    <PageSection id="oauth-apps-heading" title="Apps" hiddenTitle>
      <QueryState
        query={list}
        loading={{ label: 'Loading OAuth apps' }}
        failure="The OAuth apps could not be loaded."
        isEmpty={(apps) => apps.items.length === 0}
        empty={
          <EmptyState title="No apps registered yet.">
            Register one to let another product sign in to this organization.
          </EmptyState>
        }
      >
        {(apps) => <OAuthAppsTable apps={apps.items} />}
      </QueryState>
    </PageSection>
  );
}

function GrantsList() {
  const grants = api.apps.grants.useQuery({});
  return (
    <PageSection id="oauth-grants-heading" title="Connected people">
      <QueryState
        query={grants}
        loading={{ label: 'Loading connected people' }}
        failure="The connected people could not be loaded."
        isEmpty={(list) => list.items.length === 0}
        empty={<EmptyState>Nobody has let an app act for them yet.</EmptyState>}
      >
        {(list) => <AppGrantsTable grants={list.items} />}
      </QueryState>
    </PageSection>
  );
}
