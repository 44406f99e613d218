import { MAX_TAGS } from '@/schemas/customer-constants';
import type { Company, CompanyUpdateValues } from '@/schemas/companies';
import type { Customer } from '@/schemas/customers';
import { getCompany } from '@/server/db/repositories/companies';
import {
  moveCompanyDeals,
  moveCompanyInteractions,
  moveCompanyPeople,
} from '@/server/db/repositories/company-merge';
import { softDeleteCompany, updateCompany } from '@/server/db/repositories/company-writes';
import type { TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';

export interface CompanyMerge {
  before: Company;
  after: Company;
  source: Company;
  people: { before: Customer; after: Customer }[];
  dealIds: string[];
  /** The entries about the source company itself, now about the target. */
  interactionIds: string[];
}

const sourceIssue = (message: string) => ({ issues: [{ path: ['sourceId'], message }] });

/**
 * Merges the source company into the target: the source's people (their interactions and
 * orders stay with them), deals and its own timeline entries move to the target, the target keeps its own values and takes the source's
 * where it has none (tags are joined, the source's names kept in `metadata.formerNames`), and the
 * source is deleted (restorable, empty).
 */
export async function mergeCompanies(
  tx: TenantTx,
  targetId: string,
  sourceId: string,
): Promise<CompanyMerge> {
  if (targetId === sourceId) {
    throw new AppError(
      'BAD_REQUEST',
      'A company cannot be merged into itself',
      sourceIssue('must be another company'),
    );
  }
  // Locked in id order, so two merges of the same pair cannot deadlock.
  const [first, second] = [targetId, sourceId].sort();
  const locked = new Map<string, Company | undefined>();
  for (const id of [first!, second!]) locked.set(id, await getCompany(tx, id, true));
  const target = locked.get(targetId);
  const source = locked.get(sourceId);
  if (!target) throw new AppError('NOT_FOUND', 'Company not found');
  if (!source) {
    throw new AppError('NOT_FOUND', 'Source company not found', sourceIssue('not found'));
  }

  const people = await moveCompanyPeople(tx, source.id, target);
  const dealIds = await moveCompanyDeals(tx, source.id, target.id);
  const interactionIds = await moveCompanyInteractions(tx, source.id, target.id);
  await softDeleteCompany(tx, source.id);
  const { after } = await updateCompany(tx, target.id, mergedValues(target, source));
  return { before: target, after, source, people, dealIds, interactionIds };
}

/** The target's values, completed by the source's. */
function mergedValues(target: Company, source: Company): CompanyUpdateValues {
  const fill = <K extends keyof CompanyUpdateValues & keyof Company>(key: K) =>
    (target[key] ?? source[key] ?? undefined) as CompanyUpdateValues[K];
  const formerNames = (company: Company) =>
    Array.isArray(company.metadata.formerNames)
      ? company.metadata.formerNames.filter((name): name is string => typeof name === 'string')
      : [];
  const names = [...formerNames(target), source.name, ...formerNames(source)].filter(
    (name, index, all) =>
      name.toLowerCase() !== target.name.toLowerCase() && all.indexOf(name) === index,
  );
  return {
    domain: fill('domain'),
    industry: fill('industry'),
    size: fill('size'),
    website: fill('website'),
    phone: fill('phone'),
    address: fill('address'),
    ownerId: fill('ownerId'),
    tags: [...new Set([...target.tags, ...source.tags])].slice(0, MAX_TAGS),
    metadata: {
      ...source.metadata,
      ...target.metadata,
      ...(names.length > 0 ? { formerNames: names } : {}),
    },
  };
}
