import { and, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  apiKeys,
  customers,
  deals,
  invitations,
  memberships,
  organizations,
  pipelines,
} from '../schema';
import type { TenantTx } from '../types';

const exists = (query: SQL | { getSQL(): SQL }) => sql<boolean>`exists(${query})`;

/**
 * What a new organization has set up so far, in one statement of `exists` probes (each stops
 * at the first row it finds).
 */
export async function onboardingFacts(tx: TenantTx, now: Date) {
  const one = { one: sql`1` };
  const [facts] = await tx
    .select({
      hasCustomers: exists(
        tx
          .select(one)
          .from(customers)
          .where(and(eq(customers.organizationId, tx.organizationId), isNull(customers.deletedAt))),
      ),
      hasTeammates: sql<boolean>`${tx
        .select({ count: sql`count(*)` })
        .from(memberships)
        .where(eq(memberships.organizationId, tx.organizationId))} > 1`,
      hasPendingInvitations: exists(
        tx
          .select(one)
          .from(invitations)
          .where(
            and(
              eq(invitations.organizationId, tx.organizationId),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
              gt(invitations.expiresAt, now),
            ),
          ),
      ),
      // The default pipeline starts at version 1; editing its stages or name bumps it.
      hasEditedPipeline: exists(
        tx
          .select(one)
          .from(pipelines)
          .where(
            and(
              eq(pipelines.organizationId, tx.organizationId),
              or(gt(pipelines.version, 1), eq(pipelines.isDefault, false)),
            ),
          ),
      ),
      hasDeals: exists(
        tx
          .select(one)
          .from(deals)
          .where(and(eq(deals.organizationId, tx.organizationId), isNull(deals.deletedAt))),
      ),
      hasApiKeys: exists(
        tx
          .select(one)
          .from(apiKeys)
          .where(and(eq(apiKeys.organizationId, tx.organizationId), isNull(apiKeys.revokedAt))),
      ),
    })
    .from(organizations)
    .where(eq(organizations.id, tx.organizationId));
  return facts!;
}
