'use client';

import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
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
      {canManage ? <InvitationsSection canAssignOwner={actor.role === 'owner'} /> : null}
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
    <PageSection id="members-heading" title="Members">
      <QueryState
        query={list}
        loading={{ label: 'Loading members' }}
        failure="The members could not be loaded."
        isEmpty={({ items }) => items.length === 0}
        empty={<EmptyState>No members yet.</EmptyState>}
      >
        {({ items }) => <MembersTable members={items} canManage={canManage} me={actor} />}
      </QueryState>
    </PageSection>
  );
}

function InvitationsSection({ canAssignOwner }: { canAssignOwner: boolean }) {
  const list = api.invitations.list.useQuery();
  return (
    <PageSection id="invitations-heading" title="Pending invitations">
      <QueryState
        query={list}
        loading={{ label: 'Loading invitations', count: 2 }}
        failure="The invitations could not be loaded."
        isEmpty={(invitations) => invitations.length === 0}
        empty={
          <EmptyState
            title="No pending invitations."
            action={
              <InviteMemberDialog
                canAssignOwner={canAssignOwner}
                label="Invite a teammate"
                variant="outline"
              />
            }
          >
            Invite the people you work with: they get an e-mail with a link to join.
          </EmptyState>
        }
      >
        {(invitations) => <InvitationsTable invitations={invitations} />}
      </QueryState>
    </PageSection>
  );
}
