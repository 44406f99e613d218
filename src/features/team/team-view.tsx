'use client';

import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';
import { InvitationsTable } from './invitations-table';
import { InviteMemberDialog } from './invite-member-dialog';
import { MembersTable } from './members-table';

export function TeamView() {
  const canManage = useCan('members:manage');
  const me = api.auth.me.useQuery();
  const actor = { userId: me.data?.user?.id, role: me.data?.role };

  return (
    <div className="grid gap-8">
      <PageHeader
        title="Team"
        description="The people in this organization and what they may do."
        actions={canManage ? <InviteMemberDialog canAssignOwner={actor.role === 'owner'} /> : null}
      />
      <MembersSection canManage={canManage} actor={actor} />
      {canManage ? <InvitationsSection /> : null}
    </div>
  );
}

function MembersSection({
  canManage,
  actor,
}: {
  canManage: boolean;
  actor: React.ComponentProps<typeof MembersTable>['me'];
}) {
  const list = api.members.list.useQuery({});
  return (
    <section aria-labelledby="members-heading" className="grid grid-cols-1 gap-4">
      <h2 id="members-heading" className="text-lg font-semibold">
        Members
      </h2>
      {list.isPending ? (
        <LoadingRows label="Loading members" />
      ) : list.isError ? (
        <ErrorState
          what="The members could not be loaded."
          error={list.error}
          retry={() => void list.refetch()}
        />
      ) : list.data.items.length === 0 ? (
        <EmptyState>No members yet.</EmptyState>
      ) : (
        <MembersTable members={list.data.items} canManage={canManage} me={actor} />
      )}
    </section>
  );
}

function InvitationsSection() {
  const list = api.invitations.list.useQuery();
  return (
    <section aria-labelledby="invitations-heading" className="grid grid-cols-1 gap-4">
      <h2 id="invitations-heading" className="text-lg font-semibold">
        Pending invitations
      </h2>
      {list.isPending ? (
        <LoadingRows label="Loading invitations" rows={2} />
      ) : list.isError ? (
        <ErrorState
          what="The invitations could not be loaded."
          error={list.error}
          retry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>No pending invitations.</EmptyState>
      ) : (
        <InvitationsTable invitations={list.data} />
      )}
    </section>
  );
}

function LoadingRows({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div className="grid gap-2" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}

function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed bg-background p-8 text-center">
      <p className="text-sm text-muted-foreground">{children}</p>
    </div>
  );
}
