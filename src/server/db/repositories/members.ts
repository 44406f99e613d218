import { and, asc, count, eq } from 'drizzle-orm';
import { memberships, users } from '../schema';
import type { TenantTx } from '../types';
import type { Role } from '@/schemas/permissions';
import { AppError } from '@/server/errors';

/** The organization's members (tenant transaction: only this organization's rows exist). */
export async function listMembers(tx: TenantTx) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, tx.organizationId))
    .orderBy(asc(memberships.createdAt));
}

export async function findMember(tx: TenantTx, userId: string) {
  const [member] = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, tx.organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return member;
}

export async function findMemberByEmail(tx: TenantTx, email: string) {
  const members = await listMembers(tx);
  return members.find((member) => member.email.toLowerCase() === email.toLowerCase());
}

export async function updateMemberRole(tx: TenantTx, userId: string, role: Role) {
  await tx
    .update(memberships)
    .set({ role, updatedAt: new Date() })
    .where(and(eq(memberships.organizationId, tx.organizationId), eq(memberships.userId, userId)));
}

export async function deleteMember(tx: TenantTx, userId: string) {
  await tx
    .delete(memberships)
    .where(and(eq(memberships.organizationId, tx.organizationId), eq(memberships.userId, userId)));
}

/**
 * Owners, counted under a row lock on them, so that two concurrent demotions cannot both see
 * "another owner is left" and leave the organization without one.
 */
export async function lockOwners(tx: TenantTx): Promise<string[]> {
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, tx.organizationId), eq(memberships.role, 'owner')))
    .for('update');
  return owners.map((owner) => owner.userId);
}

export async function countMembers(tx: TenantTx): Promise<number> {
  const [row] = await tx
    .select({ value: count() })
    .from(memberships)
    .where(eq(memberships.organizationId, tx.organizationId));
  return row?.value ?? 0;
}

/** Refuses (400, naming the field) a user who is not a member of the organization. */
export async function assertMember(tx: TenantTx, userId: string, field: string) {
  if (!(await findMember(tx, userId))) {
    throw new AppError('BAD_REQUEST', 'The person given must be a member of this organization', {
      issues: [{ path: [field], message: 'is not a member of this organization' }],
    });
  }
}
