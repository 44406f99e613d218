import { and, eq } from 'drizzle-orm';
import { memberships, organizations } from '../schema';
import type { IdentityTx, TenantTx } from '../types';
import type { Role } from '@/schemas/permissions';
import { conflictOn } from '@/server/errors';
import { refuseUnique } from './pg-errors';

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;

export async function insertOrganization(
  tx: IdentityTx,
  values: { name: string; slug: string },
): Promise<Organization> {
  const slugTaken = () => conflictOn('slug', `The organization slug "${values.slug}" is taken`);
  const [organization] = await refuseUnique('organizations_slug_unique', slugTaken, () =>
    tx.insert(organizations).values(values).returning(),
  );
  return organization!;
}

export async function findOrganizationBySlug(
  tx: IdentityTx,
  slug: string,
): Promise<Organization | undefined> {
  const [organization] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  return organization;
}

export async function getCurrentOrganization(tx: TenantTx): Promise<Organization | undefined> {
  const [organization] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, tx.organizationId))
    .limit(1);
  return organization;
}

export async function insertMembership(
  tx: IdentityTx,
  values: { organizationId: string; userId: string; role: Role },
): Promise<Membership> {
  const [membership] = await tx.insert(memberships).values(values).returning();
  return membership!;
}

/** The user's organizations, oldest membership first. */
export async function listMembershipsOfUser(tx: IdentityTx, userId: string) {
  return tx
    .select({
      organizationId: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      sandboxOfId: organizations.sandboxOfId,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt);
}

export async function renameCurrentOrganization(tx: TenantTx, name: string) {
  const [row] = await tx
    .update(organizations)
    .set({ name, updatedAt: new Date() })
    .where(eq(organizations.id, tx.organizationId))
    .returning({ id: organizations.id, name: organizations.name, slug: organizations.slug });
  return row;
}

/** Deletes the current organization (cascading to all its data) if the slug matches. */
export async function deleteCurrentOrganization(tx: TenantTx, slug: string) {
  const [row] = await tx
    .delete(organizations)
    .where(and(eq(organizations.id, tx.organizationId), eq(organizations.slug, slug)))
    .returning({ id: organizations.id, name: organizations.name, slug: organizations.slug });
  return row;
}

/** Whether the organization is a sandbox (the tenant role sees only its own). */
export async function isSandboxOrganization(tx: TenantTx | IdentityTx, organizationId: string) {
  const [row] = await tx
    .select({ sandboxOfId: organizations.sandboxOfId })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row?.sandboxOfId != null;
}

/** A person's role in one organization, if they work there (identity role). */
export async function findMembershipRole(tx: IdentityTx, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return row?.role;
}
