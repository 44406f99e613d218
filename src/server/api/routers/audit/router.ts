import { auditListInput, auditPage, auditVerification } from '@/schemas/audit';
import { listAuditLogs } from '@/server/db/repositories/audit-logs';
import { verifyAuditChain } from '@/server/domain/audit/verify-chain';
import { organizationProcedure, router } from '../../trpc';

const tags = ['Audit'];

export const auditRouter = router({
  list: organizationProcedure
    .meta({
      permission: 'audit:read',
      openapi: {
        method: 'GET',
        path: '/audit-logs',
        tags,
        summary: 'The audit trail',
        description:
          'Every change in the organization, newest first: who, what, before and after, from where.',
        protect: true,
      },
    })
    .input(auditListInput)
    .output(auditPage)
    .query(({ ctx, input }) => listAuditLogs(ctx.tx, input)),

  /** Recomputes the hash chain and names the first row that does not check out. */
  verify: organizationProcedure
    .meta({
      permission: 'audit:read',
      openapi: {
        method: 'GET',
        path: '/audit-logs/verification',
        tags,
        summary: 'Verify the audit trail',
        description:
          'Recomputes the hash chain of the whole trail and names the first row that was altered or removed.',
        protect: true,
      },
    })
    .output(auditVerification)
    .query(({ ctx }) => verifyAuditChain(ctx.tx)),
});
