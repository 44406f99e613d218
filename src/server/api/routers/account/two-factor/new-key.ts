import { twoFactorKeyOutput } from '@/schemas/account';
import { newTwoFactorKey } from '@/server/domain/accounts/two-factor';
import { userProcedure } from '../../../trpc';

/** A fresh key to show as a QR code; nothing is stored until `enable` proves the app has it. */
export const newKey = userProcedure
  .output(twoFactorKeyOutput)
  .query(({ ctx }) => newTwoFactorKey(ctx.principal.email));
