import { z } from 'zod';
import { timestamp, uuid } from './common';

/** A stored record: field names and their values. */
const storedRecord = z.record(z.string().max(100), z.unknown());

/** Everything held about one customer, as one JSON document (data subject access request). */
export const customerDataExport = z.object({
  exportedAt: timestamp(),
  customer: storedRecord,
  // Everything held about the person, however much: these lists have no maximum.
  interactions: z.array(storedRecord),
  orders: z.array(storedRecord),
  auditTrail: z.array(storedRecord),
});

const erasedCount = z.number().int().min(0);

/** What a GDPR erasure deleted, detached and replaced with tombstones. */
export const customerErasureOutput = z.object({
  customerId: uuid(),
  interactionsDeleted: erasedCount,
  ordersDetached: erasedCount,
  auditEntriesErased: erasedCount,
  eventsErased: erasedCount,
});
