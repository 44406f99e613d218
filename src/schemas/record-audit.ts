import { z } from 'zod';
import { auditEntryOutput } from './audit';
import { cursor, page, pageLimit, uuid } from './common';
import { TIMELINE_RECORD_TYPES } from './timeline';

/** The audit trail of a record together with that of its interactions, orders and tasks. */
export const recordAuditListInput = z.object({
  recordType: z.enum(TIMELINE_RECORD_TYPES),
  recordId: uuid(),
  limit: pageLimit(50),
  cursor: cursor(),
});
export type RecordAuditListParams = z.output<typeof recordAuditListInput>;

export const recordAuditEntryOutput = auditEntryOutput.extend({
  /** How the related record an entry is about is called: "#1042", a call's subject, a task. */
  subjectTitle: z.string().max(300).nullable(),
});
export type RecordAuditEntry = z.infer<typeof recordAuditEntryOutput>;

export const recordAuditPage = page(recordAuditEntryOutput);
