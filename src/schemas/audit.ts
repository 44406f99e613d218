import { z } from 'zod';
import { cursor, page, pageLimit, timeInput, timestamp, uuid } from './common';

export const auditListInput = z.object({
  limit: pageLimit(50),
  cursor: cursor(),
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: uuid().optional(),
  actorId: uuid().optional(),
  action: z.string().trim().min(1).max(100).optional(),
  from: timeInput().optional(),
  to: timeInput().optional(),
});
export type AuditListParams = z.output<typeof auditListInput>;

export const auditEntryOutput = z
  .object({
    id: uuid(),
    sequence: z.number().int(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    actorType: z.enum(['user', 'api_key', 'system']),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    changes: z.object({
      before: z.record(z.string(), z.unknown()).nullable().optional(),
      after: z.record(z.string(), z.unknown()).nullable().optional(),
      erased: z.boolean().optional(),
    }),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    createdAt: timestamp(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntryOutput>;

export const auditPage = page(auditEntryOutput);

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first row whose hash, link or content does not check out. */
  firstBroken: z.object({ id: uuid(), sequence: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;
