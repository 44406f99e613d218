'use client';

import { useState } from 'react';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { CopyButton } from '@/components/copy-button';
import { FormDialog } from '@/components/form-dialog';
import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TableCell, TableRow } from '@/components/ui/table';
import { roleLabel } from '@/features/team/role-labels';
import { toast } from '@/lib/toast';
import { api, type RouterOutputs } from '@/trpc/react';
import { NewAppCredentials } from './new-secret';
import { KIND_LABELS } from './app-form';
import { EditAppDialog } from './edit-app-dialog';
import { ScopeCount } from './scope-words';

type OAuthApp = RouterOutputs['apps']['list']['items'][number];

export function OAuthAppsTable({ apps }: { apps: OAuthApp[] }) {
  return (
    <ListTable
      columns={['Name', 'Kind', 'Client ID', 'Permissions', 'Redirect URIs', ACTIONS_COLUMN]}
    >
      {apps.map((app) => (
        <TableRow key={app.id}>
          <TableCell className="font-medium">{app.name}</TableCell>
          <TableCell>
            <span className="grid gap-1">
              {KIND_LABELS[app.kind]}
              {app.role ? (
                <span className="text-xs text-muted-foreground">as {roleLabel(app.role)}</span>
              ) : null}
              {app.confidential ? null : <Badge variant="secondary">Public</Badge>}
            </span>
          </TableCell>
          <TableCell>
            <span className="flex items-center gap-2">
              <code className="font-mono text-xs break-all">{app.clientId}</code>
              <CopyButton value={app.clientId} accessibleLabel={`Copy client ID of ${app.name}`} />
            </span>
          </TableCell>
          <TableCell>
            <ScopeCount scopes={app.scopes} />
          </TableCell>
          <TableCell className="text-muted-foreground">
            {app.redirectUris.length ? (
              <ul className="grid gap-0.5 font-mono text-xs break-all">
                {app.redirectUris.map((uri) => (
                  <li key={uri}>{uri}</li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </TableCell>
          <TableCell className="text-right">
            <span className="flex justify-end gap-2">
              <EditAppDialog app={app} />
              {app.confidential ? <RotateSecretButton app={app} /> : null}
              <DeleteAppButton app={app} />
            </span>
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}

function RotateSecretButton({ app }: { app: OAuthApp }) {
  const utils = api.useUtils();
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = api.apps.rotateSecret.useMutation({
    onSuccess: ({ clientSecret }) => {
      setSecret(clientSecret);
      void utils.apps.list.invalidate();
    },
  });

  return (
    <>
      <ConfirmDestructiveDialog
        trigger={
          <Button variant="outline" size="sm" aria-label={`Rotate secret of ${app.name}`}>
            Rotate secret
          </Button>
        }
        title={`Rotate the secret of ${app.name}?`}
        description="The current secret stops working at once; the app needs the new one."
        confirmLabel="Rotate secret"
        pendingLabel="Rotating…"
        onConfirm={() => rotate.mutateAsync({ id: app.id })}
      />
      <FormDialog
        open={secret !== null}
        // The secret is shown once: forget it as soon as the dialog closes.
        onOpenChange={(open) => !open && setSecret(null)}
        title={`New secret for ${app.name}`}
        description="The old secret no longer works."
        keepOpenOnOutsideClick
      >
        {secret ? (
          <NewAppCredentials
            clientId={app.clientId}
            clientSecret={secret}
            onDone={() => setSecret(null)}
          />
        ) : null}
      </FormDialog>
    </>
  );
}

function DeleteAppButton({ app }: { app: OAuthApp }) {
  const utils = api.useUtils();
  const remove = api.apps.delete.useMutation({
    onSuccess: async () => {
      toast.success(`App ${app.name} was deleted`);
      await Promise.all([utils.apps.list.invalidate(), utils.apps.grants.invalidate()]);
    },
  });

  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Delete ${app.name}`}>
          Delete
        </Button>
      }
      title={`Delete ${app.name}?`}
      description="Everyone who connected it is disconnected, and its tokens stop working at once."
      confirmLabel="Delete app"
      pendingLabel="Deleting…"
      onConfirm={() => remove.mutateAsync({ id: app.id })}
    />
  );
}
