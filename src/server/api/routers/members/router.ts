import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { page } from '@/schemas/common';
import { changeRoleInput, memberInput, memberOutput } from '@/schemas/organizations';
import { listMembers } from '@/server/db/repositories/members';
import {
  changeMemberRole,
  leaveOrganization,
  removeMember,
} from '@/server/domain/organizations/members';
import type { OrganizationAccess, Principal } from '../../context';
import { organizationProcedure, router } from '../../trpc';

const actorOf = (ctx: { principal: Principal; organization: OrganizationAccess }) => ({
  userId: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
  role: ctx.organization.role,
});

export const membersRouter = router({
  list: organizationProcedure
    .meta({
      permission: 'members:read',
      openapi: {
        method: 'GET',
        path: '/members',
        tags: ['Organization'],
        summary: 'List members',
        description:
          'The people in your organization and their roles, all on one page (`nextCursor` is always null).',
        protect: true,
      },
    })
    .input(z.object({}).optional())
    // Every member at once: a page without a maximum.
    .output(page(memberOutput, null))
    .query(async ({ ctx }) => ({ items: await listMembers(ctx.tx), nextCursor: null })),

  changeRole: organizationProcedure
    .meta({ permission: 'members:manage' })
    .input(changeRoleInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const change = await changeMemberRole(ctx.tx, actorOf(ctx), input);
      if (!change) {
        ctx.nothingChanged();
        return { ok: true as const };
      }
      await ctx.audit({
        action: 'member.role_changed',
        entityType: 'membership',
        entityId: change.userId,
        changes: { before: change.before, after: change.after },
      });
      return { ok: true as const };
    }),

  remove: organizationProcedure
    .meta({ permission: 'members:manage' })
    .input(memberInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const change = await removeMember(ctx.tx, actorOf(ctx), input.userId);
      await ctx.audit({
        action: 'member.removed',
        entityType: 'membership',
        entityId: change.userId,
        changes: { before: change.before },
      });
      return { ok: true as const };
    }),

  /** Every member may leave, except the last owner. */
  leave: organizationProcedure
    .meta({ permission: 'members:read' })
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      if (ctx.principal.kind !== 'user')
        throw new TRPCError({ code: 'FORBIDDEN', message: 'An API key cannot leave' });
      const change = await leaveOrganization(ctx.tx, ctx.principal.userId);
      await ctx.audit({
        action: 'member.left',
        entityType: 'membership',
        entityId: change.userId,
        changes: { before: change.before },
      });
      return { ok: true as const };
    }),
});
