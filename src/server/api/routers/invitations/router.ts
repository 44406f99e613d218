import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleSchema } from '@/schemas/auth';
import {
  acceptWithSignUpInput,
  invitationIdInput,
  invitationTokenInput,
  inviteInput,
} from '@/schemas/organizations';
import { listOpenInvitations } from '@/server/db/repositories/invitations';
import {
  acceptInvitation,
  acceptInvitationWithSignUp,
  cancelInvitation,
  inviteMember,
  previewInvitation,
  resendInvitation,
} from '@/server/domain/organizations/invitations';
import { accountDeps, mailDeps, setSessionCookie } from '../../account-deps';
import type { Context, OrganizationAccess } from '../../context';
import { enforceRateLimit } from '../../rate-limit';
import { organizationProcedure, publicProcedure, router, userProcedure } from '../../trpc';

const at = () => z.date().meta({ override: { type: 'string', format: 'date-time' } });
const ok = z.object({ ok: z.literal(true) });

/** Who is inviting: people need a verified address first, so invitations cannot be used to spam. */
async function inviterOf(ctx: Context & { organization: OrganizationAccess }) {
  const { principal } = ctx;
  if (principal?.kind === 'user') {
    if (!principal.emailVerified) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Verify your e-mail address before inviting people',
      });
    }
    await enforceRateLimit(ctx, 'invitation:user', principal.userId);
    return { userId: principal.userId, name: principal.name, role: ctx.organization.role };
  }
  return {
    userId: null,
    name: principal?.kind === 'apiKey' ? principal.name : 'Clientele',
    role: ctx.organization.role,
  };
}

const organizationSummary = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });

export const invitationsRouter = router({
  list: organizationProcedure
    .meta({ permission: 'members:manage' })
    .output(
      z.array(
        z.object({
          id: z.uuid(),
          email: z.string(),
          role: roleSchema,
          expiresAt: at(),
          createdAt: at(),
          invitedBy: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listOpenInvitations(ctx.tx)),

  create: organizationProcedure
    .meta({ permission: 'members:manage' })
    .input(inviteInput)
    .output(z.object({ id: z.uuid(), email: z.string(), role: roleSchema, expiresAt: at() }))
    .mutation(async ({ ctx, input }) => {
      const inviter = await inviterOf(ctx);
      const invitation = await inviteMember(
        mailDeps(ctx),
        ctx.tx,
        { inviter, organizationName: ctx.organization.name },
        input,
      );
      await ctx.audit({
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation.id,
        changes: { after: { email: invitation.email, role: invitation.role } },
      });
      return invitation;
    }),

  resend: organizationProcedure
    .meta({ permission: 'members:manage' })
    .input(invitationIdInput)
    .output(z.object({ id: z.uuid(), email: z.string(), expiresAt: at() }))
    .mutation(async ({ ctx, input }) => {
      const inviter = await inviterOf(ctx);
      const invitation = await resendInvitation(
        mailDeps(ctx),
        ctx.tx,
        { inviter, organizationName: ctx.organization.name },
        input.id,
      );
      await ctx.audit({
        action: 'invitation.resent',
        entityType: 'invitation',
        entityId: invitation.id,
        changes: { after: { email: invitation.email } },
      });
      return invitation;
    }),

  revoke: organizationProcedure
    .meta({ permission: 'members:manage' })
    .input(invitationIdInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const invitation = await cancelInvitation(ctx.tx, input.id);
      await ctx.audit({
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitation.id,
        changes: { before: { email: invitation.email, role: invitation.role } },
      });
      return { ok: true as const };
    }),

  /** What an invitation link is for; null when it no longer works. */
  preview: publicProcedure
    .input(invitationTokenInput)
    .output(
      z
        .object({
          organizationName: z.string(),
          email: z.string(),
          role: roleSchema,
          expiresAt: at(),
          hasAccount: z.boolean(),
        })
        .nullable(),
    )
    .query(({ ctx, input }) => previewInvitation(ctx.services, input.token)),

  accept: userProcedure
    .input(invitationTokenInput)
    .output(z.object({ organization: organizationSummary }))
    .mutation(({ ctx, input }) => acceptInvitation(accountDeps(ctx), ctx.principal, input.token)),

  acceptWithSignUp: publicProcedure
    .input(acceptWithSignUpInput)
    .output(z.object({ organization: organizationSummary }))
    .mutation(async ({ ctx, input }) => {
      const joined = await acceptInvitationWithSignUp(accountDeps(ctx), input);
      setSessionCookie(ctx, joined);
      return { organization: joined.organization };
    }),
});
