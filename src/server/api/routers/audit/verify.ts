import { auditVerification } from '@/schemas/audit';
import { verifyAuditChain } from '@/server/domain/audit/verify-chain';
import { organizationProcedure } from '../../trpc';

/** Recomputes the hash chain and names the first row that does not check out. */
export const verify = organizationProcedure
  .meta({
    permission: 'audit:read',
    openapi: {
      method: 'GET',
      path: '/audit-logs/verification',
      tags: ['Audit'],
      summary: 'Verify the audit trail',
      description:
        'Recomputes the hash chain of the whole trail and names the first row that was altered or removed.',
      protect: true,
    },
  })
  .output(auditVerification)
  .query(({ ctx }) => verifyAuditChain(ctx.tx));
