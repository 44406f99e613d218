import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { companies, customers } from '../schema';
import type { TenantTx } from '../types';
import { companyNameKey, liveCompanies } from './company-columns';
import { live as liveCustomers } from './customer-columns';

/** How alike two names must be (pg_trgm similarity, 0 to 1) to be taken for one. */
const SIMILAR = 0.8;
const MAX_CANDIDATES = 10;

/** The organization's live company of this name, ignoring case and surrounding spaces. */
export async function liveCompanyNamed(tx: TenantTx, name: string) {
  const [row] = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(liveCompanies(tx), eq(companies.nameSort, name.trim().toLowerCase())))
    .orderBy(companies.createdAt, companies.id)
    .limit(1);
  return row;
}

/**
 * Live companies that are probably this one: the same name once case, punctuation and legal
 * form are set aside ("ACME, Inc." and "Acme"), or a name at least 80% alike by trigrams.
 */
export async function similarCompanies(tx: TenantTx, name: string, exceptId?: string) {
  const lower = name.trim().toLowerCase();
  const similarity = sql<number>`similarity(${companies.nameSort}, ${lower})`;
  return tx
    .select({ id: companies.id, name: companies.name, domain: companies.domain })
    .from(companies)
    .where(
      and(
        liveCompanies(tx),
        exceptId ? ne(companies.id, exceptId) : undefined,
        sql`(${companyNameKey(sql`${companies.name}`)} = ${companyNameKey(sql`${name}`)} or ${similarity} >= ${SIMILAR})`,
      ),
    )
    .orderBy(desc(similarity), companies.createdAt)
    .limit(MAX_CANDIDATES);
}

/**
 * Live customers who are probably this person: the one with this e-mail address (`sameEmail`,
 * first), then those of the same full name ignoring case, or the same last name and a first name
 * within a typo of it, or a start of it ("Jon" for "John" or "Jonathan"; the typos a search
 * forgives, see clientele_typo_distance). Each is answered by an index (a comparison of a column
 * serves an index under row security), so the check is one statement of a few lookups however
 * large the organization; a fuzzy match against every name would read the whole tenant on each
 * create.
 */
export async function similarCustomers(
  tx: TenantTx,
  { firstName, lastName, email }: { firstName: string; lastName: string; email?: string | null },
) {
  const sameEmail = email
    ? sql<boolean>`${customers.emailKey} = lower(${email})`
    : sql<boolean>`false`;
  const sameFullName = sql`${customers.nameSort} = lower(${firstName} || ' ' || ${lastName})`;
  const nearFirstName = sql`clientele_typo_distance(lower(${firstName}), lower(${customers.firstName})) is not null`;
  const sameFamily = lastName
    ? sql`(${customers.lastNameSort} collate "C" = lower(${lastName}) collate "C" and ${nearFirstName})`
    : sql`false`;
  return tx
    .select({
      id: customers.id,
      firstName: customers.firstName,
      lastName: customers.lastName,
      email: customers.email,
      sameEmail,
    })
    .from(customers)
    .where(and(liveCustomers(tx), sql`(${sameEmail} or ${sameFullName} or ${sameFamily})`))
    .orderBy(...(email ? [desc(sameEmail)] : []), desc(sameFullName), customers.createdAt)
    .limit(MAX_CANDIDATES);
}
