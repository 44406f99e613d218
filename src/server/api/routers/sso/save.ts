import { ssoConnectionInput, ssoConnectionOutput } from '@/schemas/sso';
import { saveSsoSettings } from '@/server/domain/sso/settings';
import { ssoProcedure } from './sso-procedure';

/** Configures the organization's provider, or changes it; takes effect at the next sign-in. */
export const save = ssoProcedure
  .input(ssoConnectionInput)
  .output(ssoConnectionOutput)
  .mutation(async ({ ctx, input }) => {
    const saved = await saveSsoSettings(ctx.tx, ctx.services.secretBox, input);
    await ctx.auditChange(saved.changed, {
      action: saved.created ? 'sso_connection.created' : 'sso_connection.updated',
      entityType: 'sso_connection',
      entityId: saved.connection.id,
      changes: saved.audit,
    });
    return saved.connection;
  });
