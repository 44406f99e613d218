import { MAX_TAGS, type BulkCustomerChange } from '@/schemas/customers';
import type { TenantTx } from '@/server/db/types';
import {
  lockLiveRecords,
  softDeleteRecord,
  updateRecord,
  type Versioned,
  type VersionedRecords,
} from '@/server/db/repositories/versioned-writes';
import { AppError } from '@/server/errors';

/**
 * What a bulk change does to one record (a customer or a company): the fields to update, or
 * null when the record is already as asked. A tag that would take a record past the limit fails
 * the whole change.
 */
export function bulkChangeFor(
  record: { tags: string[]; ownerId: string | null },
  change: BulkCustomerChange,
  noun = 'customer',
): { tags: string[] } | { ownerId: string | null } | null {
  switch (change.type) {
    case 'addTag': {
      if (record.tags.includes(change.tag)) return null;
      if (record.tags.length >= MAX_TAGS) {
        throw new AppError('BAD_REQUEST', `A ${noun} already has ${MAX_TAGS} tags`, {
          issues: [{ path: ['change', 'tag'], message: `a ${noun} already has ${MAX_TAGS} tags` }],
        });
      }
      return { tags: [...record.tags, change.tag] };
    }
    case 'removeTag':
      return record.tags.includes(change.tag)
        ? { tags: record.tags.filter((tag) => tag !== change.tag) }
        : null;
    case 'assignOwner':
      return record.ownerId === change.ownerId ? null : { ownerId: change.ownerId };
  }
}

/**
 * Applies one bulk change to the live records with these ids, all or none (a missing one is a
 * 404), locking them in id order. Each record changed is passed to `audit`; those already as
 * asked are left alone. Returns the records changed.
 */
export async function changeEach<Row extends Versioned & { tags: string[] }>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  ids: string[],
  change: BulkCustomerChange,
  audit: (before: Row, after: Row) => Promise<void>,
): Promise<Row[]> {
  const changed: Row[] = [];
  for (const record of await lockLiveRecords(tx, records, ids)) {
    const values = bulkChangeFor(record, change, records.name.toLowerCase());
    if (!values) continue;
    const { before, after } = await updateRecord(tx, records, record.id, values as Partial<Row>);
    await audit(before, after);
    changed.push(after);
  }
  return changed;
}

/**
 * Soft-deletes the live records with these ids, all or none (a missing one is a 404), locking
 * them in id order; each is passed to `audit`. Returns them as deleted.
 */
export async function deleteEach<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  ids: string[],
  audit: (deleted: Row) => Promise<void>,
): Promise<Row[]> {
  const deleted: Row[] = [];
  for (const { id } of await lockLiveRecords(tx, records, ids)) {
    const record = await softDeleteRecord(tx, records, id);
    await audit(record);
    deleted.push(record);
  }
  return deleted;
}
