'use client';

import { useState } from 'react';
import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { describeError } from '@/lib/server-errors';
import { api, type RouterOutputs } from '@/trpc/react';
import { DateTime } from './date-time';
import { useLeavePage } from './use-leave-page';

export function SessionsSection() {
  const utils = api.useUtils();
  const leavePage = useLeavePage();
  const sessions = api.account.sessions.list.useQuery();
  const [revoking, setRevoking] = useState<string | null>(null);
  const revoke = api.account.sessions.revoke.useMutation({
    onMutate: ({ sessionId }) => setRevoking(sessionId),
    onSuccess: async ({ signedOut }) => {
      if (signedOut) {
        await leavePage('/sign-in');
        return;
      }
      toast.success('The session was signed out');
      await utils.account.invalidate();
    },
    onError: (error) => toast.error(describeError(error)),
    onSettled: () => setRevoking(null),
  });
  const signOutEverywhere = api.account.sessions.signOutEverywhere.useMutation({
    onSuccess: () => leavePage('/sign-in'),
    onError: (error) => toast.error(describeError(error)),
  });

  return (
    <SettingsSection
      title="Sessions"
      description="The browsers and devices signed in to your account."
    >
      <QueryState
        query={sessions}
        loading={{ label: 'Loading your sessions', shape: 'fields', count: 3 }}
        failure="Your sessions could not be loaded."
      >
        {(list) => (
          <SessionsTable
            sessions={list}
            revoking={revoking}
            disabled={revoke.isPending}
            onRevoke={(sessionId) => revoke.mutate({ sessionId })}
          />
        )}
      </QueryState>
      <div>
        <ConfirmDestructiveDialog
          trigger={
            <Button type="button" variant="outline" disabled={signOutEverywhere.isPending}>
              {signOutEverywhere.isPending ? 'Signing out…' : 'Sign out everywhere'}
            </Button>
          }
          title="Sign out everywhere?"
          description="Every session ends, this one included. You will need to sign in again."
          variant="default"
          cancelLabel="Stay signed in"
          confirmLabel="Sign out everywhere"
          onConfirm={() => signOutEverywhere.mutate()}
        />
      </div>
    </SettingsSection>
  );
}

function SessionsTable({
  sessions,
  revoking,
  disabled,
  onRevoke,
}: {
  sessions: RouterOutputs['account']['sessions']['list'];
  /** The session being signed out, if one is. */
  revoking: string | null;
  disabled: boolean;
  onRevoke: (sessionId: string) => void;
}) {
  return (
    <ListTable columns={['Device', 'IP address', 'Last seen', ACTIONS_COLUMN]}>
      {sessions.map((session) => (
        <TableRow key={session.id}>
          <TableCell>
            <span className="flex items-center gap-2">
              {session.device}
              {session.current ? <Badge variant="secondary">This device</Badge> : null}
            </span>
          </TableCell>
          <TableCell>{session.ipAddress ?? 'Unknown'}</TableCell>
          <TableCell>
            <DateTime value={session.lastSeenAt} />
          </TableCell>
          <TableCell className="text-right">
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={disabled}
              onClick={() => onRevoke(session.id)}
            >
              {revoking === session.id ? 'Signing out…' : 'Sign out'}
              <span className="sr-only">
                {session.current ? ' of this device' : ` of ${session.device}`}
              </span>
            </Button>
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
