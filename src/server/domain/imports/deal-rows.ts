import { z } from 'zod';
import { MAX_COMPANY_NAME_LENGTH } from '@/schemas/companies';
import { emailAddress } from '@/schemas/customers';
import { calendarDate, dealCreateInput, MAX_DEAL_CUSTOMERS } from '@/schemas/deals';
import { currency } from '@/schemas/orders';
import type { ImportIssue } from '@/server/db/schema';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { customerIdsByEmail } from '@/server/db/repositories/customer-bulk';
import { liveDealsTitled, mostUsedDealCurrency } from '@/server/db/repositories/deal-bulk';
import { listMembers } from '@/server/db/repositories/members';
import { listPipelines } from '@/server/db/repositories/pipelines';
import { parseMoney } from '@/lib/money';
import { changedFields } from '../audit/changed-fields';
import { createDeal, moveDeal, stageChangeAudit, updateDeal } from '../deals/deals';
import { companyLinker } from './company-links';
import { mappedInput, splitList, type ImportContext, type ImportRules } from './import-rules';
import { problemSentence } from './row-problems';

const name = z.string().trim().max(200);

const dealRow = z.strictObject({
  title: dealCreateInput.shape.title,
  /** In major units, as people write it ("12,000.50"); read once the currency is known. */
  amount: z.string().max(40).optional(),
  currency: currency.optional(),
  pipeline: name.optional(),
  stage: name.optional(),
  expectedCloseDate: calendarDate().optional(),
  company: z.string().trim().max(MAX_COMPANY_NAME_LENGTH).optional(),
  email: z
    .array(emailAddress)
    .max(MAX_DEAL_CUSTOMERS, `at most ${MAX_DEAL_CUSTOMERS} people`)
    .optional(),
  owner: emailAddress.optional(),
  lostReason: dealCreateInput.shape.lostReason,
});
type DealRow = z.output<typeof dealRow>;

/** "$12,000.50" or "12 000.50" as whole minor units of the currency. */
function importedAmount(text: string, currencyCode: string) {
  return parseMoney(text.replace(/[\s,'_]/g, '').replace(/^[^\d.-]+/, ''), currencyCode);
}

const lower = (text: string) => text.trim().toLowerCase();
const dealKey = (title: string, companyId: string | null) => `${lower(title)}\n${companyId ?? ''}`;

/** What the organization has that rows name: pipelines, members, people, a default currency. */
async function namedThings(tx: ImportContext['tx'], rows: DealRow[]) {
  const pipelines = await listPipelines(tx);
  const members = await listMembers(tx);
  return {
    defaultPipeline: pipelines[0],
    pipelines: new Map(pipelines.map((pipeline) => [lower(pipeline.name), pipeline])),
    members: new Map(members.map((member) => [lower(member.email), member.userId])),
    people: await customerIdsByEmail(tx, [
      ...new Set(rows.flatMap((row) => row.email ?? []).map(lower)),
    ]),
    currency: (await mostUsedDealCurrency(tx)) ?? 'USD',
  };
}

/** A problem of a row's names, as a sentence on its line. */
const sentence = (line: number, { field, message }: Omit<ImportIssue, 'line'>): ImportIssue => ({
  line,
  field,
  message: problemSentence('deals', field, message),
});

/**
 * A row's values as a deal's, with its names looked up: the pipeline (else the default), the
 * stage (else the pipeline's first open one), the owner and the people by e-mail. What the
 * organization does not have is a problem of the row, which is then left out.
 */
function resolve(row: DealRow, things: Awaited<ReturnType<typeof namedThings>>) {
  const problems: Omit<ImportIssue, 'line'>[] = [];
  const pipeline = row.pipeline
    ? things.pipelines.get(lower(row.pipeline))
    : things.defaultPipeline;
  if (!pipeline)
    problems.push({ field: 'pipeline', message: 'is not a pipeline of this organization' });
  const stage = row.stage
    ? pipeline?.stages.find((candidate) => lower(candidate.name) === lower(row.stage!))
    : pipeline?.stages.find((candidate) => candidate.kind === 'open');
  if (pipeline && !stage)
    problems.push({ field: 'stage', message: `is not a stage of the pipeline “${pipeline.name}”` });
  const ownerId = row.owner ? things.members.get(lower(row.owner)) : undefined;
  if (row.owner && !ownerId)
    problems.push({ field: 'owner', message: 'is not a member of this organization' });
  const customerIds: string[] = [];
  for (const email of row.email ?? []) {
    const id = things.people.get(lower(email));
    if (id) customerIds.push(id);
    else
      problems.push({
        field: 'email',
        message: `is not the address of one of your customers: ${email}`,
      });
  }
  const dealCurrency = row.currency ?? things.currency;
  const amount =
    row.amount === undefined ? { minorUnits: 0 } : importedAmount(row.amount, dealCurrency);
  if (amount.error) problems.push({ field: 'amount', message: amount.error });
  return {
    problems,
    pipelineId: pipeline?.id,
    stageId: stage?.id,
    ownerId: ownerId ?? null,
    customerIds: [...new Set(customerIds)],
    currency: dealCurrency,
    amountCents: amount.minorUnits ?? 0,
  };
}

/** The fields a row gave, as a deal update (the stage moves separately). */
function givenChanges(row: DealRow, given: string[], resolved: ReturnType<typeof resolve>) {
  const has = (field: string) => given.includes(field);
  return {
    ...(has('amount') && { amountCents: resolved.amountCents }),
    ...(has('currency') && { currency: resolved.currency }),
    ...(has('expectedCloseDate') && { expectedCloseDate: row.expectedCloseDate }),
    ...(has('owner') && { ownerId: resolved.ownerId }),
    ...(has('email') && { customerIds: resolved.customerIds }),
    ...(has('lostReason') && { lostReason: row.lostReason }),
  };
}

/**
 * Deals, deduplicated by title (ignoring case) within the same company: a known deal is skipped,
 * or updated with the row's fields and moved to its stage.
 */
export const dealRows: ImportRules<DealRow> = {
  toInput: (values, mapping) =>
    mappedInput(values, mapping, (field, value, input) => {
      input[field] = field === 'email' ? splitList(value) : value;
    }),
  schema: dealRow,
  async checkNames(tx, valid) {
    const things = await namedThings(
      tx,
      valid.map((row) => row.values),
    );
    return valid.flatMap(({ line, values }) =>
      resolve(values, things).problems.map((problem) => sentence(line, problem)),
    );
  },
  async apply(context, valid) {
    const { tx, importRow, audit } = context;
    const things = await namedThings(
      tx,
      valid.map((row) => row.values),
    );
    const known = new Map<string, { id: string; pipelineId: string }>();
    for (const deal of await liveDealsTitled(tx, [
      ...new Set(valid.map((row) => lower(row.values.title))),
    ]))
      if (!known.has(dealKey(deal.title, deal.companyId)))
        known.set(dealKey(deal.title, deal.companyId), deal);
    const linkCompany = companyLinker(context);
    const rejected: ImportIssue[] = [];
    let createdCount = 0;
    let updatedCount = 0;
    let skippedCount = 0;

    for (const { line, values: row, given } of valid) {
      const resolved = resolve(row, things);
      if (resolved.problems.length > 0) {
        rejected.push(...resolved.problems.map((problem) => sentence(line, problem)));
        continue;
      }
      const companyId =
        row.company === undefined ? null : ((await linkCompany(row.company))?.companyId ?? null);
      const key = dealKey(row.title, companyId);
      const existing = known.get(key);
      if (!existing) {
        const deal = await createDeal(
          tx,
          {
            title: row.title,
            pipelineId: resolved.pipelineId,
            stageId: resolved.stageId,
            amountCents: resolved.amountCents,
            currency: resolved.currency,
            expectedCloseDate: row.expectedCloseDate ?? null,
            ownerId: resolved.ownerId,
            companyId,
            customerIds: resolved.customerIds,
            lostReason: row.lostReason,
          },
          importRow.createdById,
        );
        known.set(key, deal);
        createdCount += 1;
        await insertAuditLog(
          tx,
          audit({
            action: 'deal.imported',
            entityType: 'deal',
            entityId: deal.id,
            changes: { after: { ...deal, importId: importRow.id } },
          }),
        );
        continue;
      }
      if (importRow.duplicates !== 'update') {
        skippedCount += 1;
        continue;
      }
      if (given.includes('stage') && resolved.pipelineId !== existing.pipelineId) {
        rejected.push(
          sentence(line, { field: 'pipeline', message: 'is not the pipeline the deal is in' }),
        );
        continue;
      }
      const changed = await updateImportedDeal(context, existing.id, {
        changes: givenChanges(row, given, resolved),
        stageId: given.includes('stage') ? resolved.stageId : undefined,
        lostReason: row.lostReason,
      });
      if (changed) updatedCount += 1;
      else skippedCount += 1;
    }
    return { createdCount, updatedCount, skippedCount, rejected };
  },
};

/** Applies an update row to a known deal: its fields, then its stage; audited as a form's. */
async function updateImportedDeal(
  { tx, importRow, audit }: ImportContext,
  id: string,
  update: {
    changes: ReturnType<typeof givenChanges>;
    stageId: string | undefined;
    lostReason: string | null | undefined;
  },
) {
  const fields = await updateDeal(tx, id, update.changes);
  if (fields.changed) {
    await insertAuditLog(
      tx,
      audit({
        action: 'deal.updated',
        entityType: 'deal',
        entityId: id,
        changes: changedFields(fields.before, fields.after),
      }),
    );
  }
  if (!update.stageId) return fields.changed;
  const move = await moveDeal(
    tx,
    { id, stageId: update.stageId, lostReason: update.lostReason ?? undefined },
    importRow.createdById,
  );
  if (move.moved) {
    await insertAuditLog(tx, audit(stageChangeAudit(move.before, move.after)));
  }
  return fields.changed || move.changed;
}
