import { z } from 'zod';
import { enableTwoFactorInput, reauthenticationInput } from '@/schemas/auth';
import {
  disableTwoFactor as disable,
  enableTwoFactor as enable,
  newTwoFactorKey,
  regenerateRecoveryCodes as regenerate,
} from '@/server/domain/accounts/two-factor';
import { accountDeps } from '../../account-deps';
import { router, userProcedure } from '../../trpc';

const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const twoFactorRouter = router({
  /** A fresh key to show as a QR code; nothing is stored until `enable` proves the app has it. */
  newKey: userProcedure
    .output(z.object({ key: z.string(), uri: z.string() }))
    .query(({ ctx }) => newTwoFactorKey(ctx.principal.email)),
  enable: userProcedure
    .input(enableTwoFactorInput)
    .output(recoveryCodes)
    .mutation(({ ctx, input }) => enable(accountDeps(ctx), ctx.principal.userId, input)),
  disable: userProcedure
    .input(reauthenticationInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await disable(accountDeps(ctx), ctx.principal.userId, input);
      return { ok: true as const };
    }),
  regenerateRecoveryCodes: userProcedure
    .input(reauthenticationInput)
    .output(recoveryCodes)
    .mutation(({ ctx, input }) => regenerate(accountDeps(ctx), ctx.principal.userId, input)),
});
