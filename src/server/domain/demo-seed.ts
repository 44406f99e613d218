import { hashPassword } from '@/server/auth/password';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { findOrganizationBySlug } from '@/server/db/repositories/organizations';
import { withIdentity, withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { createOrganizationWithOwner } from './organizations/create-organization';
import { seedDemoRecords, type DemoRecordCounts } from './demo-records';

export const DEMO = {
  organizationName: 'Acme Demo',
  slug: 'demo',
  ownerName: 'Dana Demo',
  email: 'demo@example.com',
  password: 'clientele-demo',
} as const;

export interface DemoSeedResult extends DemoRecordCounts {
  created: boolean;
  organizationId: string;
  slug: string;
  email: string;
  password: string;
}

/**
 * The demo organization with a few hundred customers, their timelines, orders, companies and
 * deals. Idempotent.
 */
export async function seedDemoOrganization(
  db: Database,
  customerCount?: number,
): Promise<DemoSeedResult> {
  const existing = await withIdentity(db, (tx) => findOrganizationBySlug(tx, DEMO.slug));
  const summary = { slug: DEMO.slug, email: DEMO.email, password: DEMO.password };
  if (existing) {
    return {
      created: false,
      organizationId: existing.id,
      ...summary,
      customers: 0,
      interactions: 0,
      orders: 0,
      companies: 0,
      deals: 0,
    };
  }

  const passwordHash = await hashPassword(DEMO.password);
  const { organization, userId } = await withIdentity(db, (tx) =>
    createOrganizationWithOwner(
      tx,
      {
        organizationName: DEMO.organizationName,
        slug: DEMO.slug,
        owner: {
          email: DEMO.email,
          name: DEMO.ownerName,
          passwordHash,
          emailVerifiedAt: new Date(),
        },
        createdBy: { type: 'system' },
      },
      { ipAddress: null, userAgent: 'clientele seed', requestId: null },
    ),
  );

  const counts = await withTenant(db, organization.id, async (tx) => {
    const seeded = await seedDemoRecords(tx, { ownerId: userId, customerCount });
    await insertAuditLog(tx, {
      organizationId: organization.id,
      actorType: 'system',
      actorId: null,
      action: 'organization.seeded',
      entityType: 'organization',
      entityId: organization.id,
      changes: { after: { ...seeded } },
      userAgent: 'clientele seed',
    });
    return seeded;
  });

  return { created: true, organizationId: organization.id, ...summary, ...counts };
}
