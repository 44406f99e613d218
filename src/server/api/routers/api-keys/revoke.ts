import { idInput, okOutput } from '@/schemas/common';
import { revokeApiKey } from '@/server/db/repositories/api-keys';
import { orNotFound } from '@/server/errors';
import { keyManagementProcedure } from './key-management';

export const revoke = keyManagementProcedure
  .input(idInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    const revoked = orNotFound(await revokeApiKey(ctx.tx, input.id, new Date()), 'API key');
    await ctx.audit({
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: revoked.id,
      changes: { before: { name: revoked.name, prefix: revoked.prefix } },
    });
    return { ok: true as const };
  });
