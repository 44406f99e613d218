'use client';

import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { EmptyState } from '@/components/empty-state';
import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { Button } from '@/components/ui/button';
import { TableCell, TableRow } from '@/components/ui/table';
import { ScopeList } from '@/features/oauth-apps/scope-words';
import { toast } from '@/lib/toast';
import { api, type RouterOutputs } from '@/trpc/react';
import { DateTime } from './date-time';

type ConnectedApp = RouterOutputs['account']['connectedApps'][number];

/** The apps the signed-in person has let act for them, in any of their organizations. */
export function ConnectedAppsSection() {
  const connected = api.account.connectedApps.useQuery();
  return (
    <SettingsSection
      title="Connected apps"
      description="Apps you have allowed to act for you, and what each may do."
    >
      <QueryState
        query={connected}
        loading={{ label: 'Loading your connected apps', shape: 'fields', count: 2 }}
        failure="Your connected apps could not be loaded."
        isEmpty={(apps) => apps.length === 0}
        empty={<EmptyState>You have not connected any app.</EmptyState>}
      >
        {(apps) => (
          <ListTable columns={['App', 'Organization', 'May', 'Since', ACTIONS_COLUMN]}>
            {apps.map((app) => (
              <TableRow key={app.grantId}>
                <TableCell className="font-medium">
                  <span className="flex items-center gap-2">
                    {app.app.logoUrl ? (
                      // eslint-disable-next-line @next/next/no-img-element -- any https host an app names
                      <img src={app.app.logoUrl} alt="" className="size-6 rounded" />
                    ) : null}
                    {app.app.name}
                  </span>
                </TableCell>
                <TableCell>{app.organization.name}</TableCell>
                <TableCell>
                  <ScopeList scopes={app.scopes} />
                </TableCell>
                <TableCell className="text-muted-foreground">
                  <DateTime value={app.createdAt} />
                </TableCell>
                <TableCell className="text-right">
                  <DisconnectButton app={app} />
                </TableCell>
              </TableRow>
            ))}
          </ListTable>
        )}
      </QueryState>
    </SettingsSection>
  );
}

function DisconnectButton({ app }: { app: ConnectedApp }) {
  const utils = api.useUtils();
  const disconnect = api.account.disconnectApp.useMutation({
    onSuccess: async () => {
      toast.success(`${app.app.name} was disconnected`);
      await utils.account.connectedApps.invalidate();
    },
  });
  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Disconnect ${app.app.name}`}>
          Disconnect
        </Button>
      }
      title={`Disconnect ${app.app.name}?`}
      description={`It can no longer act for you in ${app.organization.name}. You can connect it again later.`}
      confirmLabel="Disconnect"
      pendingLabel="Disconnecting…"
      onConfirm={() => disconnect.mutateAsync({ grantId: app.grantId })}
    />
  );
}
