import { z } from 'zod';
import { timestamp } from '@/schemas/common';
import { phoneNumberInput } from '@/schemas/notification-settings';
import { requestPhoneCode } from '@/server/domain/accounts/phone';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

const phoneCodeSentOutput = z.object({ phoneNumber: z.string(), expiresAt: timestamp() });

/** Sends a verification code by SMS to a new phone number (5 an hour). */
export const requestCode = userProcedure
  .input(phoneNumberInput)
  .output(phoneCodeSentOutput)
  .mutation(({ ctx, input }) =>
    requestPhoneCode(accountDeps(ctx), ctx.principal.userId, input.phoneNumber),
  );
