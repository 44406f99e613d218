import { and, eq } from 'drizzle-orm';
import { AppError } from '@/server/errors';
import {
  companies,
  customerImports,
  customerInteractions,
  customers,
  dealCustomers,
  deals,
  dealStageTotals,
  memberships,
  notificationDeliveries,
  notifications,
  orderLines,
  orders,
  organizations,
  pipelines,
  pipelineStages,
  savedViewPreferences,
  savedViews,
  tasks,
} from '../schema';
import type { IdentityTx, TenantTx } from '../types';
import type { Organization } from './organizations';
import { refuseUnique } from './pg-errors';
import { ofOrganization } from './tenant-rows';

/** An organization and its twin: its live organization, or its sandbox (identity role). */
export async function findOrganizationAndTwin(
  tx: IdentityTx,
  organizationId: string,
): Promise<{ organization: Organization; twin: Organization | undefined } | undefined> {
  const [organization] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  if (!organization) return undefined;
  const [twin] = await tx
    .select()
    .from(organizations)
    .where(
      organization.sandboxOfId
        ? eq(organizations.id, organization.sandboxOfId)
        : eq(organizations.sandboxOfId, organization.id),
    )
    .limit(1);
  return { organization, twin };
}

/** The sandbox of a live organization; a second one is refused. */
export async function insertSandbox(
  tx: IdentityTx,
  values: { name: string; slug: string; sandboxOfId: string },
): Promise<Organization> {
  const [sandbox] = await refuseUnique(
    'organizations_sandbox_of_unique',
    () => new AppError('CONFLICT', 'This organization has a sandbox already'),
    () => tx.insert(organizations).values(values).returning(),
  );
  return sandbox!;
}

/** Gives every member of one organization the same role in another (identity role). */
export async function copyMemberships(tx: IdentityTx, fromId: string, toId: string) {
  const members = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.organizationId, fromId));
  if (members.length === 0) return 0;
  await tx
    .insert(memberships)
    .values(members.map((member) => ({ ...member, organizationId: toId })));
  return members.length;
}

/**
 * Every record of the organization: customers, companies, interactions, deals and pipelines,
 * orders, tasks, notifications, imports and saved views, children before what they belong to
 * (stage changes go with their deals). Members, API keys, webhook endpoints and their
 * deliveries, OAuth apps, the change feed and the audit trail are not records and stay, and so
 * do stored idempotent responses, which expire on their own.
 */
export async function deleteOrganizationRecords(tx: TenantTx) {
  for (const table of [
    notificationDeliveries,
    notifications,
    tasks,
    savedViewPreferences,
    savedViews,
    customerInteractions,
    dealCustomers,
    deals,
    dealStageTotals,
    pipelineStages,
    pipelines,
    orderLines,
    orders,
    customerImports,
    customers,
    companies,
  ]) {
    await tx.delete(table).where(ofOrganization(tx, table));
  }
}

/** Whether the organization holds any customer, company, deal or order. */
export async function hasRecords(tx: TenantTx): Promise<boolean> {
  for (const table of [customers, companies, deals, orders]) {
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(ofOrganization(tx, table))
      .limit(1);
    if (row) return true;
  }
  return false;
}

/** The first owner of the organization, who owns records made for no person (demo data). */
export async function firstOwnerId(tx: TenantTx): Promise<string | undefined> {
  const [owner] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(ofOrganization(tx, memberships), eq(memberships.role, 'owner')))
    .orderBy(memberships.createdAt)
    .limit(1);
  return owner?.userId;
}
