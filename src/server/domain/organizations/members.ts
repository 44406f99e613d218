import type { Role } from '@/schemas/permissions';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import {
  deleteMember,
  findMember,
  lockOwners,
  updateMemberRole,
} from '@/server/db/repositories/members';
import { insertMembership } from '@/server/db/repositories/organizations';
import { isUniqueViolation } from '@/server/db/repositories/pg-errors';
import type { IdentityTx, TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import type { ClientInfo } from '../accounts/deps';
import { assertMayAssignRole, assertMayManageMember, assertOwnerRemains } from './membership-rules';

export interface MemberChange {
  userId: string;
  before: { role: Role };
  after: { role: Role } | null;
}

/**
 * Adds a person to an organization with a role, audited in its trail: by accepting an
 * invitation (the person acts), by an operator or the organization's single sign-on (the
 * system acts). Someone already a member is
 * refused with the message given; of two additions at once, one wins.
 */
export async function addMember(
  tx: IdentityTx,
  input: {
    organizationId: string;
    user: { id: string; email: string };
    role: Role;
    action: 'invitation.accepted' | 'member.added' | 'member.joined_through_sso';
    addedBy: { type: 'user'; userId: string } | { type: 'system' };
    alreadyMember: string;
  },
  client: ClientInfo,
) {
  try {
    await insertMembership(tx, {
      organizationId: input.organizationId,
      userId: input.user.id,
      role: input.role,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'memberships_organization_user_unique')) {
      throw new AppError('CONFLICT', input.alreadyMember);
    }
    throw error;
  }
  const { addedBy } = input;
  await insertAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: addedBy.type,
    actorId: addedBy.type === 'user' ? addedBy.userId : null,
    action: input.action,
    entityType: 'membership',
    entityId: input.user.id,
    changes: { after: { email: input.user.email, role: input.role } },
    ...client,
  });
}

/** Gives a member another role; null when they have that role already (nothing changes). */
export async function changeMemberRole(
  tx: TenantTx,
  actor: { userId: string | null; role: Role },
  input: { userId: string; role: Role },
): Promise<MemberChange | null> {
  const target = await findMember(tx, input.userId);
  if (!target) throw notFound('Member');
  assertMayManageMember(actor.role, target.role);
  assertMayAssignRole(actor.role, input.role);
  if (target.role === input.role) return null;
  if (target.role === 'owner' && input.role !== 'owner') {
    assertOwnerRemains(await lockOwners(tx), target.userId);
  }
  await updateMemberRole(tx, target.userId, input.role);
  return { userId: target.userId, before: { role: target.role }, after: { role: input.role } };
}

export async function removeMember(
  tx: TenantTx,
  actor: { userId: string | null; role: Role },
  userId: string,
): Promise<MemberChange> {
  const target = await findMember(tx, userId);
  if (!target) throw notFound('Member');
  if (target.userId === actor.userId) {
    throw new AppError('BAD_REQUEST', 'To remove yourself, leave the organization instead');
  }
  assertMayManageMember(actor.role, target.role);
  if (target.role === 'owner') assertOwnerRemains(await lockOwners(tx), target.userId);
  await deleteMember(tx, target.userId);
  return { userId: target.userId, before: { role: target.role }, after: null };
}

export async function leaveOrganization(tx: TenantTx, userId: string): Promise<MemberChange> {
  const member = await findMember(tx, userId);
  if (!member) throw notFound('Member');
  if (member.role === 'owner') assertOwnerRemains(await lockOwners(tx), userId);
  await deleteMember(tx, userId);
  return { userId, before: { role: member.role }, after: null };
}

/** Makes another member owner; the current owner stays on as admin. */
export async function transferOwnership(
  tx: TenantTx,
  actor: { userId: string },
  newOwnerId: string,
): Promise<{ from: string; to: string }> {
  if (newOwnerId === actor.userId) throw new AppError('BAD_REQUEST', 'You are already an owner');
  const target = await findMember(tx, newOwnerId);
  if (!target) throw notFound('Member');
  await lockOwners(tx);
  await updateMemberRole(tx, newOwnerId, 'owner');
  await updateMemberRole(tx, actor.userId, 'admin');
  return { from: actor.userId, to: newOwnerId };
}
