import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { SelectedFieldsFlat } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '@/server/errors';
import type { companies, customers } from '../schema';
import type { TenantTx } from '../types';
import { changesTo, isEmpty } from './changes';
import { assertMember } from './members';
import { refuseUnique } from './pg-errors';
import { staleVersion } from './versions';

export interface Versioned {
  id: string;
  version: number;
  ownerId: string | null;
}

/**
 * A kind of record the organization keeps versioned and soft-deleted (companies, customers):
 * every write bumps its version and `updatedAt`, and its unique constraint among live records
 * is refused as the kind's own conflict.
 */
export interface VersionedRecords<Row extends Versioned> {
  /** How messages name one and many: 'Company', 'companies'. */
  name: string;
  plural: string;
  table: typeof companies | typeof customers;
  /** The public shape: the column read for each field of a row. */
  columns: SelectedFieldsFlat & Record<keyof Row, unknown>;
  unique: {
    constraint: string;
    /** An insert or update that takes a value a live record has. */
    taken: () => AppError;
    /** A restore, when a live record has taken the value meanwhile. */
    takenMeanwhile: () => AppError;
  };
}

/** The columns as Drizzle takes them (what they read is the caller's `Row`). */
const fieldsOf = (records: VersionedRecords<Versioned>): SelectedFieldsFlat => records.columns;

const ofOrganization = (tx: TenantTx, { table }: VersionedRecords<Versioned>) =>
  eq(table.organizationId, tx.organizationId);

/** The organization's live records: not soft-deleted. */
const liveRecords = (tx: TenantTx, records: VersionedRecords<Versioned>) =>
  and(ofOrganization(tx, records), isNull(records.table.deletedAt));

/** A live record; with `lock`, locked for the rest of the transaction. */
export async function getRecord<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  id: string,
  lock = false,
): Promise<Row | undefined> {
  const query = tx
    .select(fieldsOf(records))
    .from(records.table)
    .where(and(liveRecords(tx, records), eq(records.table.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row as Row | undefined;
}

export async function insertRecord<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  values: Partial<Row>,
): Promise<Row> {
  if (values.ownerId) await assertMember(tx, values.ownerId, 'ownerId');
  const [row] = await refuseUnique(records.unique.constraint, records.unique.taken, () =>
    tx
      .insert(records.table)
      .values({ ...values, organizationId: tx.organizationId } as never)
      .returning(fieldsOf(records)),
  );
  return row as Row;
}

/** Writes columns of one record that `where` allows, bumping its version; undefined if none. */
async function write<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  id: string,
  values: Record<string, unknown>,
  where: SQL,
): Promise<Row | undefined> {
  const { table } = records;
  const [row] = await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() })
    .where(and(ofOrganization(tx, records), eq(table.id, id), where))
    .returning(fieldsOf(records));
  return row as Row | undefined;
}

/**
 * Applies the given fields (and only those) to a live record, bumping its version; with an
 * expected version, only if nobody changed it since (else 409 and nothing changes). Fields that
 * already have the given values are left alone; when all have, nothing is written (`changed` is
 * false, the version stays).
 */
export async function updateRecord<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  id: string,
  values: Partial<Row>,
  expectedVersion?: number,
): Promise<{ before: Row; after: Row; changed: boolean }> {
  const before = await getRecord(tx, records, id, true);
  if (!before) throw notFound(records.name);
  if (expectedVersion !== undefined && before.version !== expectedVersion) {
    throw staleVersion(before.version);
  }
  const changes = changesTo(before, values);
  if (isEmpty(changes)) return { before, after: before, changed: false };
  if (changes.ownerId) await assertMember(tx, changes.ownerId, 'ownerId');
  const after = await refuseUnique(records.unique.constraint, records.unique.taken, () =>
    write(tx, records, id, changes, isNull(records.table.deletedAt)),
  );
  return { before, after: after!, changed: true };
}

/** Soft delete: gone from reads, restorable. */
export async function softDeleteRecord<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  id: string,
): Promise<Row> {
  const { table } = records;
  const row = await write(tx, records, id, { deletedAt: new Date() }, isNull(table.deletedAt));
  if (!row) throw notFound(records.name);
  return row;
}

export async function restoreRecord<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  id: string,
): Promise<Row> {
  const { table, unique } = records;
  const row = await refuseUnique(unique.constraint, unique.takenMeanwhile, () =>
    write(tx, records, id, { deletedAt: null }, isNotNull(table.deletedAt)),
  );
  if (!row) throw notFound(`Deleted ${records.name.toLowerCase()}`);
  return row;
}

/**
 * Locks the live records with these ids for the rest of the transaction (in id order, so two
 * bulk changes cannot deadlock). All must exist, else 404 naming the missing ones.
 */
export async function lockLiveRecords<Row extends Versioned>(
  tx: TenantTx,
  records: VersionedRecords<Row>,
  ids: string[],
): Promise<Row[]> {
  const { table } = records;
  const rows = (await tx
    .select(fieldsOf(records))
    .from(table)
    .where(and(liveRecords(tx, records), inArray(table.id, ids)))
    .orderBy(asc(table.id))
    .for('update')) as Row[];
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.flatMap((id, index) => (found.has(id) ? [] : [index]));
    throw new AppError(
      'NOT_FOUND',
      `${missing.length} of the ${ids.length} ${records.plural} were not found`,
      { issues: missing.map((index) => ({ path: ['ids', index], message: 'not found' })) },
    );
  }
  return rows;
}
