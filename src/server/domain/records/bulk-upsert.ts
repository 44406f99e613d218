import type { z } from 'zod';
import type { UpsertResult, UpsertStatus } from '@/schemas/bulk-upsert';
import type { TenantTx } from '@/server/db/types';
import { AppError, type FieldIssue } from '@/server/errors';

/** How one kind of record is upserted: found by a key, created or updated, each audited. */
export interface UpsertRules<Item, CreateValues> {
  keyOf: (item: Item) => string;
  /** The live records with these keys: key → id. */
  findExisting: (tx: TenantTx, keys: string[]) => Promise<Map<string, string>>;
  /** The rules a new record's values must pass (an update needs only the item's). */
  createSchema: z.ZodType<CreateValues>;
  create: (tx: TenantTx, values: CreateValues) => Promise<{ id: string }>;
  /** Applies the item's fields; false when the record already had them all. */
  update: (tx: TenantTx, id: string, item: Item) => Promise<boolean>;
}

/**
 * Creates the items whose key no live record has and updates the others, in the caller's
 * transaction. Every item is checked before anything is written: an item that would be created
 * must pass the rules of a new record. A write refused by the organization's data (an owner who
 * is not a member) is reported against its item, and the transaction rolls back.
 */
export async function upsertEach<Item extends object, CreateValues>(
  tx: TenantTx,
  items: Item[],
  rules: UpsertRules<Item, CreateValues>,
): Promise<UpsertResult> {
  const keys = items.map(rules.keyOf);
  const existing = await rules.findExisting(tx, [...new Set(keys)]);
  const issues: FieldIssue[] = [];
  const newValues = items.map((item, index) => {
    if (existing.has(keys[index]!)) return undefined;
    const parsed = rules.createSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      issues.push({ path: ['items', index, ...issue.path.map(pathPart)], message: issue.message });
    }
    return undefined;
  });
  if (issues.length > 0) {
    throw new AppError('BAD_REQUEST', 'Some items are invalid; nothing was changed', { issues });
  }

  const results: UpsertResult['items'] = [];
  for (const [index, item] of items.entries()) {
    const result = await reportedAgainst(index, async () => {
      const id = existing.get(keys[index]!);
      if (id) {
        const status: UpsertStatus = (await rules.update(tx, id, item)) ? 'updated' : 'unchanged';
        return { index, status, id };
      }
      const created = await rules.create(tx, newValues[index]!);
      return { index, status: 'created' as const, id: created.id };
    });
    results.push(result);
  }
  return { items: results };
}

const pathPart = (part: PropertyKey) => (typeof part === 'symbol' ? String(part) : part);

/** Runs one item's writes; a field refused there is named as that item's field. */
async function reportedAgainst<T>(index: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || !error.details.issues) throw error;
    throw new AppError(error.code, `Item ${index}: ${error.message}; nothing was changed`, {
      ...error.details,
      issues: error.details.issues.map((issue) => ({
        ...issue,
        path: ['items', index, ...issue.path],
      })),
    });
  }
}
