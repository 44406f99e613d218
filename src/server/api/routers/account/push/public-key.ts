import { z } from 'zod';
import { userProcedure } from '../../../trpc';

/** The key browsers subscribe with (`applicationServerKey`); null when push is not set up. */
export const publicKey = userProcedure
  .output(z.object({ publicKey: z.string().nullable() }))
  .query(({ ctx }) => ({ publicKey: ctx.services.push?.publicKey ?? null }));
