/** The company part of a customer form: a name as typed, and the company picked for it. */
export interface CompanyChoice {
  company?: string | null;
  companyId?: string | null;
}

/**
 * What a customer form sends for its company: the company picked from the suggestions by id,
 * or else the name typed, which links the company of that name (created when there is none).
 * An empty box takes the customer off their company.
 */
export function companyLinkInput<T extends CompanyChoice>(values: T) {
  const { company, companyId, ...rest } = values;
  return companyId ? { ...rest, companyId } : { ...rest, company: company?.trim() || null };
}
