import {
  getCurrentOrganization,
  listMembershipsOfUser,
  renameCurrentOrganization,
  deleteCurrentOrganization,
} from '@/server/db/repositories/organizations';
import { updateSession } from '@/server/db/repositories/sessions';
import { withIdentity } from '@/server/db/tenant';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import type { AccountDeps } from '../accounts/deps';
import { createOrganizationFor } from './create-organization';

export async function listMyOrganizations(deps: Pick<AccountDeps, 'db'>, userId: string) {
  return withIdentity(deps.db, (tx) => listMembershipsOfUser(tx, userId), { readOnly: true });
}

/** Makes another of the person's organizations the session's active one. */
export async function switchOrganization(
  deps: Pick<AccountDeps, 'db'>,
  session: { userId: string; sessionId: string },
  organizationId: string,
) {
  return withIdentity(deps.db, async (tx) => {
    const organization = (await listMembershipsOfUser(tx, session.userId)).find(
      (membership) => membership.organizationId === organizationId,
    );
    if (!organization) throw notFound('Organization');
    await updateSession(tx, session.sessionId, { activeOrganizationId: organizationId });
    return organization;
  });
}

/** Another organization, owned by the person creating it, and now their active one. */
export async function createAnotherOrganization(
  deps: AccountDeps,
  session: { userId: string; sessionId: string },
  name: string,
) {
  return withIdentity(deps.db, async (tx) => {
    const organization = await createOrganizationFor(
      tx,
      { name, ownerId: session.userId },
      deps.client,
    );
    await updateSession(tx, session.sessionId, { activeOrganizationId: organization.id });
    return organization;
  });
}

/** Renames the current organization; when it has that name already, nothing is written. */
export async function renameOrganization(tx: TenantTx, name: string) {
  const current = await getCurrentOrganization(tx);
  if (!current) throw notFound('Organization');
  const before = { id: current.id, name: current.name, slug: current.slug };
  if (current.name === name) return { before, after: before, changed: false };
  const after = await renameCurrentOrganization(tx, name);
  if (!after) throw notFound('Organization');
  return { before, after, changed: true };
}

/**
 * Deletes the organization and everything in it. The caller confirms by typing its slug;
 * the organization's own audit trail goes with it, so the event is kept at account level.
 */
export async function deleteOrganization(tx: TenantTx, confirmation: { slug: string }) {
  const deleted = await deleteCurrentOrganization(tx, confirmation.slug);
  if (!deleted) {
    throw new AppError('BAD_REQUEST', 'Type the organization slug exactly to confirm', {
      issues: [{ path: ['slug'], message: 'does not match this organization' }],
    });
  }
  return deleted;
}
