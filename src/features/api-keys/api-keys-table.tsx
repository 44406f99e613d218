'use client';

import { useState } from 'react';
import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { RoleBadge } from '@/features/team/role-badge';
import { isTestApiKey } from '@/schemas/api-keys';
import { api, type RouterOutputs } from '@/trpc/react';

type ApiKey = RouterOutputs['apiKeys']['list'][number];
type Status = 'active' | 'revoked' | 'expired';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function statusOf(key: ApiKey, now: number): Status {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

const STATUS_BADGES = {
  active: { label: 'Active', variant: 'default' },
  revoked: { label: 'Revoked', variant: 'destructive' },
  expired: { label: 'Expired', variant: 'secondary' },
} as const satisfies Record<
  Status,
  { label: string; variant: 'default' | 'secondary' | 'destructive' }
>;

function DateCell({ date, empty }: { date: Date | null; empty: string }) {
  return date ? <time dateTime={date.toISOString()}>{dateFormat.format(date)}</time> : empty;
}

export function ApiKeysTable({ keys, canManage }: { keys: ApiKey[]; canManage: boolean }) {
  // When the list was shown; good enough to tell which keys have run out.
  const [now] = useState(() => Date.now());
  return (
    <ListTable
      columns={[
        'Name',
        'Key',
        'Role',
        'Created by',
        'Created',
        'Last used',
        'Expires',
        'Status',
        canManage && ACTIONS_COLUMN,
      ]}
    >
      {keys.map((key) => {
        const status = statusOf(key, now);
        const badge = STATUS_BADGES[status];
        return (
          <TableRow key={key.id}>
            <TableCell className="font-medium">{key.name}</TableCell>
            <TableCell>
              <code className="font-mono text-xs">{key.prefix}…</code>
              {isTestApiKey(key.prefix) ? (
                <Badge variant="outline" className="ml-2">
                  Test key
                </Badge>
              ) : null}
            </TableCell>
            <TableCell>
              <RoleBadge role={key.role} />
            </TableCell>
            <TableCell className="text-muted-foreground">{key.createdBy ?? '—'}</TableCell>
            <TableCell className="text-muted-foreground">
              <DateCell date={key.createdAt} empty="—" />
            </TableCell>
            <TableCell className="text-muted-foreground">
              <DateCell date={key.lastUsedAt} empty="Never" />
            </TableCell>
            <TableCell className="text-muted-foreground">
              <DateCell date={key.expiresAt} empty="Never" />
            </TableCell>
            <TableCell>
              <Badge variant={badge.variant}>{badge.label}</Badge>
            </TableCell>
            {canManage ? (
              <TableCell className="text-right">
                {status === 'active' ? <RevokeApiKeyButton apiKey={key} /> : null}
              </TableCell>
            ) : null}
          </TableRow>
        );
      })}
    </ListTable>
  );
}

function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKey }) {
  const utils = api.useUtils();
  const revoke = api.apiKeys.revoke.useMutation({
    onSuccess: () => {
      toast.success(`API key ${apiKey.name} was revoked`);
      void utils.apiKeys.list.invalidate();
    },
  });

  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      }
      title={`Revoke ${apiKey.name}?`}
      description="Systems using this key stop working at once."
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      onConfirm={() => revoke.mutateAsync({ id: apiKey.id })}
    />
  );
}
