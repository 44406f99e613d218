import { z } from 'zod';
import {
  listSessions,
  revokeSession,
  securityActivity as listEvents,
  signOutEverywhere as endAll,
} from '@/server/domain/accounts/sessions';
import { accountDeps, clearSessionCookie } from '../../account-deps';
import { router, userProcedure } from '../../trpc';

const at = () => z.date().meta({ override: { type: 'string', format: 'date-time' } });

export const sessionsRouter = router({
  list: userProcedure
    .output(
      z.array(
        z.object({
          id: z.string(),
          device: z.string(),
          ipAddress: z.string().nullable(),
          createdAt: at(),
          lastSeenAt: at(),
          current: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => listSessions(ctx.services, ctx.principal)),
  revoke: userProcedure
    .input(z.strictObject({ sessionId: z.string().min(1).max(100) }))
    .output(z.object({ signedOut: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await revokeSession(accountDeps(ctx), ctx.principal, input.sessionId);
      const signedOut = input.sessionId === ctx.principal.sessionId;
      if (signedOut) clearSessionCookie(ctx);
      return { signedOut };
    }),
  /** Ends every session, this one included. */
  signOutEverywhere: userProcedure
    .output(z.object({ sessionsEnded: z.number().int() }))
    .mutation(async ({ ctx }) => {
      const sessionsEnded = await endAll(accountDeps(ctx), ctx.principal);
      clearSessionCookie(ctx);
      return { sessionsEnded };
    }),
});

/** The person's own security events: sign-ins, password and two-factor changes. */
export const securityActivity = userProcedure
  .output(
    z.array(
      z.object({
        id: z.uuid(),
        action: z.string(),
        ipAddress: z.string().nullable(),
        userAgent: z.string().nullable(),
        createdAt: at(),
      }),
    ),
  )
  .query(({ ctx }) => listEvents(ctx.services, ctx.principal.userId));
