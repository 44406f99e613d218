import { auditListInput, auditPage } from '@/schemas/audit';
import { listAuditLogs } from '@/server/db/repositories/audit-logs';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'audit:read',
    openapi: {
      method: 'GET',
      path: '/audit-logs',
      tags: ['Audit'],
      summary: 'The audit trail',
      description:
        'Every change in the organization, newest first: who, what, before and after, from where.',
      protect: true,
    },
  })
  .input(auditListInput)
  .output(auditPage)
  .query(({ ctx, input }) => listAuditLogs(ctx.tx, input));
