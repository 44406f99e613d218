import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleSchema } from '@/schemas/auth';
import { apiKeyIdInput, createApiKeyInput } from '@/schemas/organizations';
import { listApiKeys, revokeApiKey } from '@/server/db/repositories/api-keys';
import { issueApiKey } from '@/server/domain/api-keys';
import { notFound } from '@/server/errors';
import { enforceRateLimit } from '../../rate-limit';
import { organizationProcedure, router } from '../../trpc';

const at = () => z.date().meta({ override: { type: 'string', format: 'date-time' } });

/**
 * Keys are managed by people only: a leaked key must not be able to mint itself successors.
 */
const keyManagement = organizationProcedure
  .meta({ permission: 'api-keys:manage' })
  .use(({ ctx, next }) => {
    if (ctx.principal.kind !== 'user') {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'API keys are managed by people, not by other keys',
      });
    }
    return next({ ctx: { principal: ctx.principal } });
  });

export const apiKeysRouter = router({
  list: keyManagement
    .output(
      z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          role: roleSchema,
          prefix: z.string(),
          createdAt: at(),
          createdBy: z.string().nullable(),
          lastUsedAt: at().nullable(),
          expiresAt: at().nullable(),
          revokedAt: at().nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listApiKeys(ctx.tx)),

  /** Returns the key itself this once; only its hash is stored. */
  create: keyManagement
    .input(createApiKeyInput)
    .output(
      z.object({
        id: z.uuid(),
        key: z.string(),
        prefix: z.string(),
        name: z.string(),
        role: roleSchema,
        expiresAt: at().nullable(),
      }),
    )
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
    }),

  revoke: keyManagement
    .input(apiKeyIdInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeApiKey(ctx.tx, input.id, new Date());
      if (!revoked) throw notFound('API key');
      await ctx.audit({
        action: 'api_key.revoked',
        entityType: 'api_key',
        entityId: revoked.id,
        changes: { before: { name: revoked.name, prefix: revoked.prefix } },
      });
      return { ok: true as const };
    }),
});
