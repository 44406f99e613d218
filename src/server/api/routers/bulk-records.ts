import type { BulkCustomerChange } from '@/schemas/customers';
import type { Versioned, VersionedRecords } from '@/server/db/repositories/versioned-writes';
import type { TenantTx } from '@/server/db/types';
import { changeEach, deleteEach } from '@/server/domain/customers/bulk';
import type { Audit, AuditInput } from '../authorize';

interface Call<Input> {
  ctx: { tx: TenantTx; audit: Audit };
  input: Input;
}

/** Applies the change to each record named, auditing each one changed; the rest are unchanged. */
export const bulkUpdateHandler =
  <Row extends Versioned & { tags: string[] }>(
    records: VersionedRecords<Row>,
    audits: { updated(before: Row, after: Row): AuditInput },
  ) =>
  async ({ ctx, input }: Call<{ ids: string[]; change: BulkCustomerChange }>) => {
    const items = await changeEach(
      ctx.tx,
      records,
      input.ids,
      input.change,
      async (before, after) => {
        await ctx.audit(audits.updated(before, after));
      },
    );
    return { items, unchanged: input.ids.length - items.length };
  };

/** Soft-deletes each record named, auditing each deletion. */
export const bulkDeleteHandler =
  <Row extends Versioned>(
    records: VersionedRecords<Row>,
    audits: { deleted(row: Row): AuditInput },
  ) =>
  async ({ ctx, input }: Call<{ ids: string[] }>) => {
    const items = await deleteEach(ctx.tx, records, input.ids, async (row) => {
      await ctx.audit(audits.deleted(row));
    });
    return { items, unchanged: 0 };
  };
