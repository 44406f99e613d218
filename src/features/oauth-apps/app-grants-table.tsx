'use client';

import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { Button } from '@/components/ui/button';
import { TableCell, TableRow } from '@/components/ui/table';
import { DateTime } from '@/features/settings/date-time';
import { toast } from '@/lib/toast';
import { api, type RouterOutputs } from '@/trpc/react';
import { ScopeList } from './scope-words';

type Grant = RouterOutputs['apps']['grants']['items'][number];

/** Who in the organization has let which app act for them. */
export function AppGrantsTable({ grants }: { grants: Grant[] }) {
  return (
    <ListTable columns={['App', 'Person', 'Permissions', 'Since', ACTIONS_COLUMN]}>
      {grants.map((grant) => (
        <TableRow key={grant.grantId}>
          <TableCell className="font-medium">{grant.app.name}</TableCell>
          <TableCell>
            <span className="grid">
              {grant.user.name}
              <span className="text-xs text-muted-foreground">{grant.user.email}</span>
            </span>
          </TableCell>
          <TableCell>
            <ScopeList scopes={grant.scopes} />
          </TableCell>
          <TableCell className="text-muted-foreground">
            <DateTime value={grant.createdAt} />
          </TableCell>
          <TableCell className="text-right">
            <RevokeGrantButton grant={grant} />
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}

function RevokeGrantButton({ grant }: { grant: Grant }) {
  const utils = api.useUtils();
  const revoke = api.apps.revokeGrant.useMutation({
    onSuccess: async () => {
      toast.success(`${grant.app.name} no longer acts for ${grant.user.name}`);
      await utils.apps.grants.invalidate();
    },
  });
  const who = `${grant.app.name} for ${grant.user.name}`;
  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Revoke ${who}`}>
          Revoke
        </Button>
      }
      title={`Revoke ${who}?`}
      description={`The app’s tokens for ${grant.user.name} stop working at once. They can connect it again.`}
      confirmLabel="Revoke access"
      pendingLabel="Revoking…"
      onConfirm={() => revoke.mutateAsync({ grantId: grant.grantId })}
    />
  );
}
