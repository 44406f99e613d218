'use client';

import { toast } from '@/lib/toast';
import { Select, SelectContent, SelectTrigger, SelectValue } from '@/components/ui/select';
import { describeError } from '@/lib/server-errors';
import { isRole, ROLES, type Role } from '@/schemas/permissions';
import { api } from '@/trpc/react';
import { roleLabel } from './role-labels';
import { RoleSelectItems } from './role-select-items';

export function MemberRoleSelect({
  member,
  canAssignOwner,
}: {
  member: { userId: string; name: string; role: Role };
  canAssignOwner: boolean;
}) {
  const utils = api.useUtils();
  const changeRole = api.members.changeRole.useMutation({
    onSuccess: async (_, { role }) => {
      toast.success(`${member.name} is now ${roleLabel(role).toLowerCase()}`);
      await utils.members.list.invalidate();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  // Show the chosen role while the change is on its way, and the stored one otherwise.
  const role = changeRole.isPending ? changeRole.variables.role : member.role;
  const roles = canAssignOwner ? ROLES : ROLES.filter((option) => option !== 'owner');

  return (
    <Select
      value={role}
      disabled={changeRole.isPending}
      onValueChange={(value) => {
        if (isRole(value) && value !== member.role) {
          changeRole.mutate({ userId: member.userId, role: value });
        }
      }}
    >
      <SelectTrigger aria-label={`Role of ${member.name}`} className="w-36">
        <SelectValue>{roleLabel(role)}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        <RoleSelectItems roles={roles} />
      </SelectContent>
    </Select>
  );
}
