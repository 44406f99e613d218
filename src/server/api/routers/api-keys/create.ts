import { createApiKeyInput, createdApiKeyOutput } from '@/schemas/api-keys';
import { issueApiKey } from '@/server/domain/api-keys';
import { enforceRateLimit } from '../../rate-limit';
import { keyManagementProcedure } from './key-management';

/** Returns the key itself this once; only its hash is stored. */
export const create = keyManagementProcedure
  .input(createApiKeyInput)
  .output(createdApiKeyOutput)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'api-key-create:user', ctx.principal.userId);
    const issued = await issueApiKey(ctx.tx, {
      organizationId: ctx.organization.id,
      name: input.name,
      role: input.role,
      createdById: ctx.principal.userId,
      expiresAt: input.expiresAt ?? null,
    });
    await ctx.audit({
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: issued.id,
      changes: {
        after: {
          name: issued.name,
          role: issued.role,
          prefix: issued.prefix,
          expiresAt: issued.expiresAt,
        },
      },
    });
    return issued;
  });
