import type { z } from 'zod';
import type { TenantTx } from '@/server/db/types';
import type { Audit, AuditInput } from '../authorize';
import { assertIfMatch, type EntityTags } from '../preconditions';

/** How a kind of record that can be deleted and restored is read, changed and audited. */
export interface SoftDeletable<Row> {
  /** The schema the record is read with, so that its entity tag is the one a read gave. */
  output: z.ZodType<unknown, Row>;
  /** The record locked for the change, deleted or not, to check an If-Match against. */
  lock(tx: TenantTx, id: string): Promise<Row | undefined>;
  softDelete(tx: TenantTx, id: string): Promise<Row>;
  restore(tx: TenantTx, id: string): Promise<Row>;
  audits: { deleted(row: Row): AuditInput; restored(row: Row): AuditInput };
}

interface Call {
  ctx: { tx: TenantTx; ifMatch?: EntityTags; audit: Audit };
  input: { id: string };
}

/** Deletes the record (412 if If-Match names an older version) and audits the deletion. */
export const softDeleteHandler =
  <Row>(kind: SoftDeletable<Row>) =>
  async ({ ctx, input }: Call) => {
    if (ctx.ifMatch) {
      assertIfMatch(ctx.ifMatch, kind.output, await kind.lock(ctx.tx, input.id));
    }
    const row = await kind.softDelete(ctx.tx, input.id);
    await ctx.audit(kind.audits.deleted(row));
    return row;
  };

/** Restores a deleted record and audits the restoration. */
export const restoreHandler =
  <Row>(kind: SoftDeletable<Row>) =>
  async ({ ctx, input }: Call) => {
    const row = await kind.restore(ctx.tx, input.id);
    await ctx.audit(kind.audits.restored(row));
    return row;
  };
