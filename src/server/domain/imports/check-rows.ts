import type { ImportField, ImportKind } from '@/schemas/imports';
import type { TenantTx } from '@/server/db/types';
import { companyRows } from './company-rows';
import { customerRows } from './customer-rows';
import { dealRows } from './deal-rows';
import type { ImportRules, ValidRow } from './import-rules';
import { describeIssues, type RowProblem } from './row-problems';

export const IMPORT_RULES: { [K in ImportKind]: ImportRules<unknown> } = {
  customers: customerRows as ImportRules<unknown>,
  companies: companyRows as ImportRules<unknown>,
  deals: dealRows as ImportRules<unknown>,
};

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** One row through the form's rules: its valid values, or its problems in words. */
export function checkRow(
  kind: ImportKind,
  mapping: Record<string, ImportField>,
  row: CsvRow,
):
  | { valid: ValidRow<unknown>; problems?: undefined }
  | { valid?: undefined; problems: RowProblem[] } {
  const rules = IMPORT_RULES[kind];
  const input = rules.toInput(row.values, mapping);
  const parsed = rules.schema.safeParse(input);
  if (parsed.success) {
    return {
      valid: { line: row.line, values: parsed.data, given: Object.keys(input) as never[] },
    };
  }
  return { problems: describeIssues(kind, parsed.error.issues, input) };
}

export interface CheckedRow extends CsvRow {
  problems: RowProblem[];
}

/**
 * Every row as the import would see it: the form's rules, then what the rows name that the
 * organization must have (a deal's pipeline, stage, owner and people). Nothing is written.
 */
export async function checkRows(
  tx: TenantTx,
  kind: ImportKind,
  mapping: Record<string, ImportField>,
  rows: CsvRow[],
): Promise<CheckedRow[]> {
  const checked = rows.map((row) => ({ row, ...checkRow(kind, mapping, row) }));
  const valid = checked.flatMap((check) => (check.valid ? [check.valid] : []));
  const named = IMPORT_RULES[kind].checkNames;
  const nameProblems = named && valid.length > 0 ? await named(tx, valid) : [];
  const byLine = new Map<number, RowProblem[]>();
  for (const { line, field, message } of nameProblems)
    byLine.set(line, [...(byLine.get(line) ?? []), { field, message }]);
  return checked.map(({ row, problems }) => ({
    ...row,
    problems: problems ?? byLine.get(row.line) ?? [],
  }));
}
