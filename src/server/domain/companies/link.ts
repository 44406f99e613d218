import type { Company } from '@/schemas/companies';
import { getCompany } from '@/server/db/repositories/companies';
import { insertCompany, lockCompanyName } from '@/server/db/repositories/company-writes';
import { liveCompanyNamed } from '@/server/db/repositories/duplicates';
import type { TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';

/** A customer's company as stored: the link, and the linked company's name beside it. */
export interface CompanyLink {
  companyId: string | null;
  company: string | null;
}

/**
 * The company a customer's input names: `companyId` (a live company of the organization) wins;
 * else `company`, a name, links the live company of that name ignoring case, which is created
 * when there is none (`created`, for the caller to audit). Neither given: no change (undefined).
 */
export async function companyLinkFor(
  tx: TenantTx,
  input: { company?: string | null; companyId?: string | null },
): Promise<{ link?: CompanyLink; created?: Company }> {
  if (input.companyId !== undefined) {
    if (input.companyId === null) return { link: { companyId: null, company: null } };
    const company = await getCompany(tx, input.companyId);
    if (!company) {
      throw new AppError('BAD_REQUEST', 'The company must be a company of this organization', {
        issues: [{ path: ['companyId'], message: 'is not a company of this organization' }],
      });
    }
    return { link: { companyId: company.id, company: company.name } };
  }
  if (input.company === undefined) return {};
  const name = input.company?.trim();
  if (!name) return { link: { companyId: null, company: null } };
  const linkTo = (company: { id: string; name: string }) => ({
    link: { companyId: company.id, company: company.name },
  });
  // Most names are of companies that exist: those link without a lock, so customers of one
  // company are created in parallel. Only a creation takes turns, and looks again once its
  // turn comes, as another request may have just created the company.
  const existing = await liveCompanyNamed(tx, name);
  if (existing) return linkTo(existing);
  await lockCompanyName(tx, name);
  const createdMeanwhile = await liveCompanyNamed(tx, name);
  if (createdMeanwhile) return linkTo(createdMeanwhile);
  const created = await insertCompany(tx, { name, tags: [], metadata: {} });
  return { link: { companyId: created.id, company: created.name }, created };
}
