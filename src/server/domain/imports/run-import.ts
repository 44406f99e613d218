import type { Logger } from 'pino';
import { IMPORT_ENTITY, MAX_REPORTED_IMPORT_ISSUES, type ImportField } from '@/schemas/imports';
import type { ImportIssue } from '@/server/db/schema';
import type { AuditEntry } from '@/server/db/repositories/audit-logs';
import { getImport, updateImport, type ImportRow } from '@/server/db/repositories/imports';
import { withTenant } from '@/server/db/tenant';
import type { Database, TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import { auditAndPublish } from '../webhooks/publish';
import { checkRow, IMPORT_RULES } from './check-rows';
import type { ValidRow } from './import-rules';
import { parseCsv } from './csv';
import { notify } from '../notifications/notify';

export interface ImportJob {
  organizationId: string;
  importId: string;
}

const PROGRESS_EVERY = 250;

/**
 * Runs an import: first every row is validated with the same rules as a form (progress is
 * saved as it goes, and bad rows are reported by line and field); then all valid rows are
 * applied in one transaction, so a failure leaves nothing half imported.
 */
export async function runImport(
  { db, jobs, logger }: { db: Database; jobs: JobQueue; logger: Logger },
  job: ImportJob,
): Promise<void> {
  const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) =>
    withTenant(db, job.organizationId, fn, { withoutStatementTimeout: true });
  const importRow = await inTenant((tx) => getImport(tx, job.importId));
  if (!importRow || importRow.status === 'completed' || importRow.status === 'failed') return;

  const { rows } = parseCsv(importRow.csv);
  await inTenant((tx) =>
    updateImport(tx, importRow.id, {
      status: 'validating',
      totalRows: rows.length,
      processedRows: 0,
    }),
  );

  const rules = IMPORT_RULES[importRow.kind];
  const mapping = importRow.mapping as Record<string, ImportField>;
  const valid: ValidRow<unknown>[] = [];
  const issues: ImportIssue[] = [];
  let invalidRows = 0;
  for (const [index, row] of rows.entries()) {
    const checked = checkRow(importRow.kind, mapping, row);
    if (checked.valid) {
      valid.push(checked.valid);
    } else {
      invalidRows += 1;
      for (const problem of checked.problems) {
        if (issues.length < MAX_REPORTED_IMPORT_ISSUES) issues.push({ line: row.line, ...problem });
      }
    }
    if ((index + 1) % PROGRESS_EVERY === 0) {
      await inTenant((tx) => updateImport(tx, importRow.id, { processedRows: index + 1 }));
    }
  }

  await inTenant((tx) =>
    updateImport(tx, importRow.id, { status: 'importing', processedRows: rows.length }),
  );
  try {
    await inTenant(async (tx) => {
      const audit = (
        entry: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'changes'>,
      ) => ({
        ...actorOf(importRow),
        ...entry,
        organizationId: tx.organizationId,
      });
      const { rejected, ...counts } = await rules.apply({ tx, importRow, audit }, valid);
      const errorCount = invalidRows + new Set(rejected.map((issue) => issue.line)).size;
      const errors = [...issues, ...rejected]
        .sort((a, b) => a.line - b.line)
        .slice(0, MAX_REPORTED_IMPORT_ISSUES);
      await updateImport(tx, importRow.id, {
        status: 'completed',
        ...counts,
        errorCount,
        errors,
        finishedAt: new Date(),
        csv: '',
      });
      const summary = { filename: importRow.filename, ...counts, errorCount };
      const entity = IMPORT_ENTITY[importRow.kind];
      const type = `${entity}.completed` as const;
      await auditAndPublish(
        tx,
        jobs,
        audit({
          action: type,
          entityType: entity,
          entityId: importRow.id,
          changes: { after: summary },
        }),
        { type, data: { id: importRow.id, ...summary } },
      );
      if (importRow.createdById) {
        await notify(tx, jobs, {
          type: 'import_finished',
          recipientId: importRow.createdById,
          actorId: null,
          summary: `Your import of ${importRow.filename} finished`,
          body: importSummary(counts, errorCount),
          link: '/import',
          entityType: entity,
          entityId: importRow.id,
        });
      }
    });
  } catch (error) {
    logger.error({ err: error, importId: importRow.id }, 'import failed; nothing was imported');
    await inTenant((tx) =>
      updateImport(tx, importRow.id, {
        status: 'failed',
        failure:
          'The import could not be applied, so nothing was imported. Try again; if it keeps failing, contact support.',
        errorCount: invalidRows,
        errors: issues,
        finishedAt: new Date(),
      }),
    );
  }
}

/** "12 created, 3 updated, 1 skipped, 2 with errors": the counts that are not zero. */
function importSummary(
  counts: { createdCount: number; updatedCount: number; skippedCount: number },
  errorCount: number,
) {
  const parts = [
    [counts.createdCount, 'created'],
    [counts.updatedCount, 'updated'],
    [counts.skippedCount, 'skipped'],
    [errorCount, 'with errors'],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  return said.length ? `${said.join(', ')}.` : 'No rows to import.';
}

function actorOf(importRow: ImportRow): Pick<AuditEntry, 'actorType' | 'actorId'> {
  return importRow.createdById
    ? { actorType: 'user', actorId: importRow.createdById }
    : { actorType: 'system', actorId: null };
}
