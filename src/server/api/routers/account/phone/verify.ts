import { z } from 'zod';
import { phoneCodeInput } from '@/schemas/notification-settings';
import { verifyPhoneCode } from '@/server/domain/accounts/phone';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

const phoneVerifiedOutput = z.object({ phoneNumber: z.string() });

export const verify = userProcedure
  .input(phoneCodeInput)
  .output(phoneVerifiedOutput)
  .mutation(({ ctx, input }) =>
    verifyPhoneCode(accountDeps(ctx), ctx.principal.userId, input.code),
  );
