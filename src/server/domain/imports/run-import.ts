import type { Logger } from 'pino';
import type { ImportIssue } from '@/server/db/schema';
import { customerCreateInput, type CustomerCreateValues } from '@/schemas/customers';
import type { ImportField } from '@/schemas/imports';
import {
  appendAuditLog,
  insertAuditLog,
  insertAuditLogs,
  type AuditEntry,
} from '@/server/db/repositories/audit-logs';
import { customerIdsByEmail, insertCustomers } from '@/server/db/repositories/customer-bulk';
import { updateCustomer } from '@/server/db/repositories/customer-writes';
import { getImport, updateImport, type ImportRow } from '@/server/db/repositories/imports';
import { withTenant } from '@/server/db/tenant';
import type { Database, TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import { publishEvent, subscribersOf } from '../webhooks/publish';
import { changedFields } from '../audit/changed-fields';
import { companyLinkFor, type CompanyLink } from '../companies/link';
import { parseCsv } from './csv';

export interface ImportJob {
  organizationId: string;
  importId: string;
}

const ADDRESS_FIELDS = new Set<ImportField>([
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
]);
const PROGRESS_EVERY = 250;
const CHUNK = 500;
const MAX_REPORTED_ISSUES = 500;

/** One CSV row as customer input, through the column mapping. */
export function rowToCustomer(values: Record<string, string>, mapping: Record<string, string>) {
  const input: Record<string, unknown> & { address?: Record<string, string> } = {};
  for (const [column, field] of Object.entries(mapping) as [string, ImportField][]) {
    const value = values[column]?.trim();
    if (!value) continue;
    if (field === 'tags')
      input.tags = value
        .split(/[;,]/)
        .map((tag) => tag.trim())
        .filter(Boolean);
    else if (field === 'status') input.status = value.toLowerCase();
    else if (ADDRESS_FIELDS.has(field)) (input.address ??= {})[field] = value;
    else input[field] = value;
  }
  return input;
}

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

  const valid: ValidRow[] = [];
  const issues: ImportIssue[] = [];
  let invalidRows = 0;
  for (const [index, row] of rows.entries()) {
    const input = rowToCustomer(row.values, importRow.mapping);
    const parsed = customerCreateInput.safeParse(input);
    if (parsed.success) {
      valid.push({
        line: row.line,
        values: parsed.data,
        given: Object.keys(input) as (keyof CustomerCreateValues)[],
      });
    } else {
      invalidRows += 1;
      for (const issue of parsed.error.issues) {
        if (issues.length < MAX_REPORTED_ISSUES) {
          issues.push({
            line: row.line,
            field: issue.path.join('.') || 'row',
            message: issue.message,
          });
        }
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
      const counts = await applyRows(tx, importRow, valid);
      await updateImport(tx, importRow.id, {
        status: 'completed',
        ...counts,
        errorCount: invalidRows,
        errors: issues,
        finishedAt: new Date(),
        csv: '',
      });
      const summary = { filename: importRow.filename, ...counts, errorCount: invalidRows };
      const subscribers = await subscribersOf(tx, 'customer_import.completed');
      const sequence = await appendAuditLog(tx, {
        ...actorOf(importRow),
        organizationId: job.organizationId,
        action: 'customer_import.completed',
        entityType: 'customer_import',
        entityId: importRow.id,
        changes: { after: summary },
      });
      await publishEvent(
        tx,
        jobs,
        { type: 'customer_import.completed', sequence, data: { id: importRow.id, ...summary } },
        subscribers,
      );
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

interface ValidRow {
  line: number;
  values: CustomerCreateValues;
  /** The fields the row actually had (an update touches only those). */
  given: (keyof CustomerCreateValues)[];
}

function actorOf(importRow: ImportRow): Pick<AuditEntry, 'actorType' | 'actorId'> {
  return importRow.createdById
    ? { actorType: 'user', actorId: importRow.createdById }
    : { actorType: 'system', actorId: null };
}

/** Inserts new customers in batches; for a repeated e-mail, skips or updates as the import says. */
async function applyRows(tx: TenantTx, importRow: ImportRow, valid: ValidRow[]) {
  const emailOf = (values: CustomerCreateValues) => values.email?.toLowerCase() ?? null;
  const known = await customerIdsByEmail(tx, [
    ...new Set(valid.map((row) => emailOf(row.values)).filter((e): e is string => !!e)),
  ]);
  const willExist = new Set(known.keys());
  const inserts: CustomerCreateValues[] = [];
  const updates: { email: string; values: Partial<CustomerCreateValues> }[] = [];
  let skippedCount = 0;
  for (const { values, given } of valid) {
    const email = emailOf(values);
    if (email && willExist.has(email)) {
      const changes = Object.fromEntries(given.map((field) => [field, values[field]]));
      if (importRow.duplicates === 'update') updates.push({ email, values: changes });
      else skippedCount += 1;
      continue;
    }
    if (email) willExist.add(email);
    inserts.push(values);
  }

  const audit = (
    entry: Pick<AuditEntry, 'action' | 'entityId' | 'changes'>,
    entityType = 'customer',
  ): AuditEntry => ({
    ...actorOf(importRow),
    ...entry,
    organizationId: tx.organizationId,
    entityType,
  });
  // A company column links each row to the company of that name, created when there is none.
  const links = new Map<string, CompanyLink | undefined>();
  const linked = async <T extends { company?: string | null }>(values: T) => {
    if (values.company === undefined) return values;
    const key = values.company?.trim().toLowerCase() ?? '';
    if (!links.has(key)) {
      const { link, created } = await companyLinkFor(tx, { company: values.company });
      links.set(key, link);
      if (created) {
        await insertAuditLog(
          tx,
          audit(
            {
              action: 'company.created',
              entityId: created.id,
              changes: { after: { ...created, importId: importRow.id } },
            },
            'company',
          ),
        );
      }
    }
    return { ...values, ...links.get(key) };
  };
  for (let i = 0; i < inserts.length; i++) inserts[i] = await linked(inserts[i]!);
  for (const update of updates) update.values = await linked(update.values);
  for (let i = 0; i < inserts.length; i += CHUNK) {
    const created = await insertCustomers(tx, inserts.slice(i, i + CHUNK));
    for (const customer of created)
      if (customer.email) known.set(customer.email.toLowerCase(), customer.id);
    await insertAuditLogs(
      tx,
      created.map((customer) =>
        audit({
          action: 'customer.imported',
          entityId: customer.id,
          changes: { after: { ...customer, importId: importRow.id } },
        }),
      ),
    );
  }
  let updatedCount = 0;
  for (const { email, values } of updates) {
    const { before, after, changed } = await updateCustomer(tx, known.get(email)!, values);
    if (!changed) {
      skippedCount += 1;
      continue;
    }
    updatedCount += 1;
    await insertAuditLog(
      tx,
      audit({
        action: 'customer.updated',
        entityId: after.id,
        changes: changedFields(before, after),
      }),
    );
  }
  return { createdCount: inserts.length, updatedCount, skippedCount };
}
