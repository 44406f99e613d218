'use client';

import { ACTIONS_COLUMN, ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import type { Role } from '@/schemas/permissions';
import type { RouterOutputs } from '@/trpc/react';
import { MemberRoleSelect } from './member-role-select';
import { RemoveMemberButton } from './remove-member-button';
import { RoleBadge } from './role-badge';
import { mayManageMember } from './role-labels';

type Member = RouterOutputs['members']['list']['items'][number];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function MembersTable({
  members,
  canManage,
  me,
}: {
  members: Member[];
  canManage: boolean;
  me: { userId: string | undefined; role: Role | null | undefined };
}) {
  return (
    <ListTable columns={['Name', 'Email', 'Role', 'Joined', canManage && ACTIONS_COLUMN]}>
      {members.map((member) => {
        const manageable = canManage && mayManageMember(me, member);
        return (
          <TableRow key={member.userId}>
            <TableCell className="font-medium">
              {member.name}
              {member.userId === me.userId ? (
                <span className="ml-1 text-muted-foreground">(you)</span>
              ) : null}
            </TableCell>
            <TableCell className="text-muted-foreground">{member.email}</TableCell>
            <TableCell>
              {manageable ? (
                <MemberRoleSelect member={member} canAssignOwner={me.role === 'owner'} />
              ) : (
                <RoleBadge role={member.role} />
              )}
            </TableCell>
            <TableCell className="text-muted-foreground">
              <time dateTime={member.joinedAt.toISOString()}>
                {dateFormat.format(member.joinedAt)}
              </time>
            </TableCell>
            {canManage ? (
              <TableCell className="text-right">
                {manageable ? <RemoveMemberButton member={member} /> : null}
              </TableCell>
            ) : null}
          </TableRow>
        );
      })}
    </ListTable>
  );
}
