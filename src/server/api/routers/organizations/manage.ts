import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  deleteOrganizationInput,
  renameOrganizationInput,
  transferOwnershipInput,
} from '@/schemas/organizations';
import { getCurrentOrganization } from '@/server/db/repositories/organizations';
import { assertRecentlyReauthenticated } from '@/server/domain/accounts/sign-in';
import { transferOwnership as transfer } from '@/server/domain/organizations/members';
import {
  deleteOrganization as remove,
  renameOrganization,
} from '@/server/domain/organizations/organizations';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

const summary = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });

export const current = organizationProcedure
  .meta({ permission: 'members:read' })
  .output(summary)
  .query(async ({ ctx }) => {
    const organization = await getCurrentOrganization(ctx.tx);
    if (!organization) throw notFound('Organization');
    return { id: organization.id, name: organization.name, slug: organization.slug };
  });

export const rename = organizationProcedure
  .meta({ permission: 'org:manage' })
  .input(renameOrganizationInput)
  .output(summary)
  .mutation(async ({ ctx, input }) => {
    const { before, after, changed } = await renameOrganization(ctx.tx, input.name);
    if (!changed) {
      ctx.nothingChanged();
      return after;
    }
    await ctx.audit({
      action: 'organization.renamed',
      entityType: 'organization',
      entityId: after.id,
      changes: { before: { name: before.name }, after: { name: after.name } },
    });
    return after;
  });

/** Another member becomes owner; the current owner stays on as admin. */
export const transferOwnership = organizationProcedure
  .meta({ permission: 'org:transfer' })
  .input(transferOwnershipInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    if (ctx.principal.kind !== 'user')
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a person can transfer ownership' });
    const change = await transfer(ctx.tx, { userId: ctx.principal.userId }, input.userId);
    await ctx.audit({
      action: 'organization.ownership_transferred',
      entityType: 'organization',
      entityId: ctx.organization.id,
      changes: { before: { ownerId: change.from }, after: { ownerId: change.to } },
    });
    return { ok: true as const };
  });

/** Deletes the organization and all its data; the owner confirms their password, then types the slug. */
export const deleteOrganization = organizationProcedure
  .meta({ permission: 'org:delete' })
  .input(deleteOrganizationInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    if (ctx.principal.kind !== 'user')
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Only a person can delete an organization',
      });
    assertRecentlyReauthenticated(ctx.principal);
    const deleted = await remove(ctx.tx, { slug: input.slug });
    await ctx.audit({
      scope: 'account',
      action: 'organization.deleted',
      entityType: 'organization',
      entityId: deleted.id,
      changes: { before: { name: deleted.name, slug: deleted.slug } },
    });
    return { ok: true as const };
  });
