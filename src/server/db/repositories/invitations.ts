import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { invitations, organizations, users } from '../schema';
import type { IdentityTx, TenantTx } from '../types';
import type { Role } from '@/schemas/permissions';
import { conflictOn } from '@/server/errors';
import { refuseUnique } from './pg-errors';

export type InvitationRow = typeof invitations.$inferSelect;

const pending = (now: Date) =>
  and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );

export async function insertInvitation(
  tx: TenantTx,
  values: {
    email: string;
    role: Role;
    tokenHash: Uint8Array;
    invitedById: string | null;
    expiresAt: Date;
  },
): Promise<InvitationRow> {
  const invited = () =>
    conflictOn('email', 'This address already has an invitation; resend it instead');
  const [row] = await refuseUnique('invitations_pending_email_unique', invited, () =>
    tx
      .insert(invitations)
      .values({ ...values, organizationId: tx.organizationId })
      .returning(),
  );
  return row!;
}

/** Invitations not yet accepted or revoked (expired ones included, so they can be resent). */
export async function listOpenInvitations(tx: TenantTx) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(
      and(
        eq(invitations.organizationId, tx.organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/** The organization's invitation with this id, while it is neither accepted nor revoked. */
const openInvitationWithId = (tx: TenantTx, id: string) =>
  and(
    eq(invitations.organizationId, tx.organizationId),
    eq(invitations.id, id),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
  );

export async function findOpenInvitation(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(invitations).where(openInvitationWithId(tx, id)).limit(1);
  return row;
}

export async function renewInvitation(
  tx: TenantTx,
  id: string,
  values: { tokenHash: Uint8Array; expiresAt: Date },
) {
  await tx
    .update(invitations)
    .set(values)
    .where(and(eq(invitations.organizationId, tx.organizationId), eq(invitations.id, id)));
}

export async function revokeInvitation(tx: TenantTx, id: string, now: Date) {
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(openInvitationWithId(tx, id))
    .returning({ id: invitations.id });
  return revoked.length === 1;
}

/** A pending invitation by its token, with its organization (before anyone is a member). */
export async function findPendingInvitationByToken(
  tx: IdentityTx,
  tokenHash: Uint8Array,
  now: Date,
) {
  const [row] = await tx
    .select({
      invitation: invitations,
      organization: { id: organizations.id, name: organizations.name, slug: organizations.slug },
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(and(eq(invitations.tokenHash, tokenHash), pending(now)))
    .limit(1);
  return row;
}

/** Marks it accepted if it still is pending: one UPDATE, so of two accepts only one wins. */
export async function claimInvitation(tx: IdentityTx, id: string, now: Date) {
  const claimed = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, id), pending(now)))
    .returning({ id: invitations.id });
  return claimed.length === 1;
}
