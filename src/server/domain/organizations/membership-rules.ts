import type { Role } from '@/schemas/permissions';
import { AppError } from '@/server/errors';

/**
 * The role rules: only an owner grants or changes the owner role, and an organization always
 * keeps at least one owner.
 */
export function assertMayAssignRole(actorRole: Role, newRole: Role) {
  if (newRole === 'owner' && actorRole !== 'owner') {
    throw new AppError('FORBIDDEN', 'Only an owner can make someone an owner');
  }
}

export function assertMayManageMember(actorRole: Role, targetRole: Role) {
  if (targetRole === 'owner' && actorRole !== 'owner') {
    throw new AppError('FORBIDDEN', 'Only an owner can change or remove an owner');
  }
}

export function assertOwnerRemains(owners: string[], leavingUserId: string) {
  if (owners.length === 1 && owners[0] === leavingUserId) {
    throw new AppError(
      'CONFLICT',
      'An organization needs an owner: make someone else owner first, or delete the organization',
    );
  }
}
