import { z } from 'zod';
import { getPhone } from '@/server/domain/accounts/phone';
import { userProcedure } from '../../../trpc';

export const phoneStateOutput = z.object({
  /** As entered, E.164; null when the person has none. */
  phoneNumber: z.string().nullable(),
  /** False while the code sent to phoneNumber has not been entered. */
  phoneVerified: z.boolean(),
});

export const get = userProcedure
  .output(phoneStateOutput)
  .query(({ ctx }) => getPhone(ctx.services, ctx.principal.userId));
