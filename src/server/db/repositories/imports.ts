import { and, desc, eq } from 'drizzle-orm';
import { customerImports, type ImportIssue } from '../schema';
import type { TenantTx } from '../types';

export type ImportRow = typeof customerImports.$inferSelect;

const viewColumns = {
  id: customerImports.id,
  kind: customerImports.kind,
  filename: customerImports.filename,
  status: customerImports.status,
  duplicates: customerImports.duplicates,
  totalRows: customerImports.totalRows,
  processedRows: customerImports.processedRows,
  createdCount: customerImports.createdCount,
  updatedCount: customerImports.updatedCount,
  skippedCount: customerImports.skippedCount,
  errorCount: customerImports.errorCount,
  errors: customerImports.errors,
  failure: customerImports.failure,
  createdAt: customerImports.createdAt,
  finishedAt: customerImports.finishedAt,
};

const ofTenant = (tx: TenantTx) => eq(customerImports.organizationId, tx.organizationId);

export async function insertImport(
  tx: TenantTx,
  values: {
    kind: ImportRow['kind'];
    filename: string;
    csv: string;
    mapping: Record<string, string>;
    duplicates: string;
    createdById: string | null;
    /** The file's data rows, known before the import runs. */
    totalRows: number;
  },
) {
  const [row] = await tx
    .insert(customerImports)
    .values({ ...values, organizationId: tx.organizationId })
    .returning(viewColumns);
  return row!;
}

export async function getImportView(tx: TenantTx, id: string) {
  const [row] = await tx
    .select(viewColumns)
    .from(customerImports)
    .where(and(ofTenant(tx), eq(customerImports.id, id)))
    .limit(1);
  return row;
}

/** The whole import, input included (for the job that runs it). */
export async function getImport(tx: TenantTx, id: string): Promise<ImportRow | undefined> {
  const [row] = await tx
    .select()
    .from(customerImports)
    .where(and(ofTenant(tx), eq(customerImports.id, id)))
    .limit(1);
  return row;
}

export async function listImports(tx: TenantTx, limit = 20) {
  return tx
    .select(viewColumns)
    .from(customerImports)
    .where(ofTenant(tx))
    .orderBy(desc(customerImports.createdAt))
    .limit(limit);
}

export async function updateImport(
  tx: TenantTx,
  id: string,
  values: Partial<{
    status: ImportRow['status'];
    totalRows: number;
    processedRows: number;
    createdCount: number;
    updatedCount: number;
    skippedCount: number;
    errorCount: number;
    errors: ImportIssue[];
    failure: string | null;
    finishedAt: Date;
    csv: string;
  }>,
) {
  await tx
    .update(customerImports)
    .set({ ...values, updatedAt: new Date() })
    .where(and(ofTenant(tx), eq(customerImports.id, id)));
}
