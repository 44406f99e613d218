import { recordAuditListInput, recordAuditPage } from '@/schemas/record-audit';
import { listRecordAuditLogs } from '@/server/domain/audit/record-trail';
import { timelineScope } from '@/server/domain/timeline/timeline-record';
import { organizationProcedure } from '../../trpc';

/** A customer's, company's or deal's audit trail, with that of its interactions, orders and tasks. */
export const listForRecord = organizationProcedure
  .meta({ permission: 'audit:read' })
  .input(recordAuditListInput)
  .output(recordAuditPage)
  .query(async ({ ctx, input }) => {
    await timelineScope(ctx.tx, ctx.organization.role, input.recordType, input.recordId);
    return listRecordAuditLogs(ctx.tx, input);
  });
