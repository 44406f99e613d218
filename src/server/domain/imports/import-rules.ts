import type { z } from 'zod';
import type { ImportField } from '@/schemas/imports';
import type { ImportRow } from '@/server/db/repositories/imports';
import type { ImportIssue } from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';
import {
  insertAuditLog,
  insertAuditLogs,
  type AuditEntry,
} from '@/server/db/repositories/audit-logs';
import { changedFields } from '../audit/changed-fields';

/** A row that passed the form's rules: its line, its values, and the fields it actually had. */
export interface ValidRow<V> {
  line: number;
  values: V;
  /** The fields the row gave (an update touches only those). */
  given: (keyof V & string)[];
}

export interface ImportContext {
  tx: TenantTx;
  importRow: ImportRow;
  /** An audit entry by the person (or system) that started the import. */
  audit: (entry: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'changes'>) => AuditEntry;
}

export interface AppliedRows {
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  /** Rows that were valid alone but refer to what the organization does not have. */
  rejected: ImportIssue[];
}

/** How one kind of record is read from CSV rows and written. */
export interface ImportRules<V> {
  /** One CSV row as the input a form would send, through the column mapping. */
  toInput: (values: Record<string, string>, mapping: Record<string, ImportField>) => object;
  /** The form's rules for that input. */
  schema: z.ZodType<V>;
  /**
   * The problems of valid rows that name what the organization does not have (a deal's stage,
   * its owner), in words; read only, so a person can fix them before importing.
   */
  checkNames?: (tx: TenantTx, rows: ValidRow<V>[]) => Promise<ImportIssue[]>;
  /** Writes the valid rows in the import's transaction, skipping or updating duplicates. */
  apply: (context: ImportContext, rows: ValidRow<V>[]) => Promise<AppliedRows>;
}

const ADDRESS_FIELDS = new Set<ImportField>([
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
]);

/** "vip; wholesale, b2b" → ["vip", "wholesale", "b2b"]. */
export const splitList = (value: string) =>
  value
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The mapped, non-blank cells of a row as input fields: address parts gathered into `address`,
 * lists split, and each remaining field through `read` (which may rename or convert it).
 */
export function mappedInput(
  values: Record<string, string>,
  mapping: Record<string, ImportField>,
  read: (field: ImportField, value: string, input: Record<string, unknown>) => void = (
    field,
    value,
    input,
  ) => {
    input[field] = value;
  },
) {
  const input: Record<string, unknown> & { address?: Record<string, string> } = {};
  for (const [column, field] of Object.entries(mapping)) {
    const value = values[column]?.trim();
    if (!value) continue;
    if (field === 'tags') input.tags = splitList(value);
    else if (ADDRESS_FIELDS.has(field)) (input.address ??= {})[field] = value;
    else read(field, value, input);
  }
  return input;
}

/** New records inserted per statement. */
const CHUNK = 500;

/** Inserts new records in chunks, each audited as imported by this import; returns them all. */
export async function insertImported<V, R extends Record<string, unknown> & { id: string }>(
  { tx, importRow, audit }: ImportContext,
  entityType: 'customer' | 'company',
  inserts: V[],
  insert: (tx: TenantTx, values: V[]) => Promise<R[]>,
): Promise<R[]> {
  const created: R[] = [];
  for (let i = 0; i < inserts.length; i += CHUNK) {
    const rows = await insert(tx, inserts.slice(i, i + CHUNK));
    await insertAuditLogs(
      tx,
      rows.map((row) =>
        audit({
          action: `${entityType}.imported`,
          entityType,
          entityId: row.id,
          changes: { after: { ...row, importId: importRow.id } },
        }),
      ),
    );
    created.push(...rows);
  }
  return created;
}

/**
 * Applies update rows one at a time, each audited as a form's update would be; a row that
 * changes nothing writes nothing and counts as skipped.
 */
export async function applyUpdates<V, R extends Record<string, unknown> & { id: string }>(
  { tx, audit }: ImportContext,
  entityType: 'customer' | 'company',
  updates: { id: string; values: V }[],
  write: (
    tx: TenantTx,
    id: string,
    values: V,
  ) => Promise<{ before: R; after: R; changed: boolean }>,
) {
  let updatedCount = 0;
  let skippedCount = 0;
  for (const { id, values } of updates) {
    const { before, after, changed } = await write(tx, id, values);
    if (!changed) {
      skippedCount += 1;
      continue;
    }
    updatedCount += 1;
    await insertAuditLog(
      tx,
      audit({
        action: `${entityType}.updated`,
        entityType,
        entityId: after.id,
        changes: changedFields(before, after),
      }),
    );
  }
  return { updatedCount, skippedCount };
}
