'use client';

import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { describeError } from '@/lib/server-errors';
import { api, type RouterOutputs } from '@/trpc/react';
import { RoleBadge } from './role-badge';

type Invitation = RouterOutputs['invitations']['list'][number];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  // When the list was shown; good enough to tell which invitations have run out.
  const [now] = useState(() => Date.now());
  return (
    <ListTable columns={['Email', 'Role', 'Invited by', 'Expires', ACTIONS_COLUMN]}>
      {invitations.map((invitation) => (
        <InvitationRow
          key={invitation.id}
          invitation={invitation}
          expired={invitation.expiresAt.getTime() <= now}
        />
      ))}
    </ListTable>
  );
}

function InvitationRow({ invitation, expired }: { invitation: Invitation; expired: boolean }) {
  const utils = api.useUtils();
  const resend = api.invitations.resend.useMutation({
    onSuccess: async (result) => {
      toast.success(`Invitation sent again to ${result.email}`);
      await utils.invitations.list.invalidate();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  const revoke = api.invitations.revoke.useMutation({
    onSuccess: async () => {
      toast.success(`Invitation to ${invitation.email} was revoked`);
      await utils.invitations.list.invalidate();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  const busy = resend.isPending || revoke.isPending;

  return (
    <TableRow>
      <TableCell className="font-medium">{invitation.email}</TableCell>
      <TableCell>
        <RoleBadge role={invitation.role} />
      </TableCell>
      <TableCell className="text-muted-foreground">{invitation.invitedBy ?? '—'}</TableCell>
      <TableCell className="text-muted-foreground">
        <span className="flex items-center gap-2">
          <time dateTime={invitation.expiresAt.toISOString()}>
            {dateFormat.format(invitation.expiresAt)}
          </time>
          {expired ? <Badge variant="destructive">Expired</Badge> : null}
        </span>
      </TableCell>
      <TableCell className="text-right">
        <div className="flex justify-end gap-2">
          {[
            { verb: 'Resend', pendingLabel: 'Sending…', mutation: resend },
            { verb: 'Revoke', pendingLabel: 'Revoking…', mutation: revoke },
          ].map(({ verb, pendingLabel, mutation }) => (
            <Button
              key={verb}
              variant="outline"
              size="sm"
              aria-label={`${verb} invitation to ${invitation.email}`}
              disabled={busy}
              onClick={() => mutation.mutate({ id: invitation.id })}
            >
              {mutation.isPending ? pendingLabel : verb}
            </Button>
          ))}
        </div>
      </TableCell>
    </TableRow>
  );
}
