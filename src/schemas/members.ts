import { z } from 'zod';
import { roleSchema } from './auth';
import { emptyInput, page, storedName, timestamp, uuid } from './common';
import { storedEmail } from './customers';

export const memberOutput = z
  .object({
    userId: uuid(),
    name: storedName,
    email: storedEmail,
    role: roleSchema,
    joinedAt: timestamp(),
  })
  .meta({ id: 'Member' });

export const memberListInput = emptyInput.optional();
/** Every member at once: a page without a maximum. */
export const memberPage = page(memberOutput, null);

export const changeRoleInput = z.strictObject({ userId: z.uuid(), role: roleSchema });
export const memberInput = z.strictObject({ userId: z.uuid() });
