import { sql, type SQL } from 'drizzle-orm';
import { createSession } from '@/server/auth/session';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { findOrganizationBySlug } from '@/server/db/repositories/organizations';
import { rows } from '@/server/db/migrate';
import { withIdentity, withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { createOrganizationWithOwner } from '@/server/domain/organizations/create-organization';
import { issueApiKey } from '@/server/domain/api-keys';
import { COMPANIES, FIRST_NAMES, LAST_NAMES } from '@/server/domain/demo-data';

const BATCH = 50_000;

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

export interface BenchTenant {
  organizationId: string;
  sessionToken: string;
  apiKey: string;
}

/** One tenant with `customers` rows, made with set-based SQL (100k in seconds). Reused if present. */
export async function seedBenchTenant(db: Database, customers: number): Promise<BenchTenant> {
  const slug = `bench-${customers}`;
  const client = { ipAddress: null, userAgent: 'clientele bench', requestId: null };
  let organization = await withIdentity(db, (tx) => findOrganizationBySlug(tx, slug));
  let ownerId: string;
  if (!organization) {
    const created = await withIdentity(db, (tx) =>
      createOrganizationWithOwner(
        tx,
        {
          organizationName: `Bench ${customers}`,
          slug,
          owner: { email: `owner@${slug}.example`, name: 'Bench Owner', passwordHash: 'unused' },
        },
        client,
      ),
    );
    organization = { ...created.organization, createdAt: new Date(), updatedAt: new Date() };
    ownerId = created.userId;
    const orgId = organization.id;
    for (let from = 1; from <= customers; from += BATCH) {
      const to = Math.min(customers, from + BATCH - 1);
      await withTenant(db, orgId, (tx) =>
        tx.execute(sql`
          insert into customers (organization_id, first_name, last_name, email, company, status, tags, owner_id, created_at, updated_at)
          select ${orgId}::uuid,
                 (${textArray(FIRST_NAMES)})[1 + i % ${FIRST_NAMES.length}],
                 (${textArray(LAST_NAMES)})[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
                 'customer' || i || '@example.com',
                 (${textArray(COMPANIES)})[1 + (i * 7) % ${COMPANIES.length}],
                 (array['lead','active','inactive','churned'])[1 + i % 4]::customer_status,
                 case when i % 10 = 0 then array['vip'] else '{}'::text[] end,
                 ${ownerId}::uuid,
                 now() - make_interval(secs => i), now() - make_interval(secs => i)
          from generate_series(${from}::int, ${to}::int) as i`),
      );
    }
    await withTenant(db, orgId, (tx) =>
      insertAuditLog(tx, {
        organizationId: orgId,
        actorType: 'system',
        actorId: null,
        action: 'organization.seeded',
        entityType: 'organization',
        entityId: orgId,
        changes: { after: { customers } },
      }),
    );
    await db.execute(sql`analyze customers`);
  } else {
    const owner = await db.execute(
      sql`select user_id from memberships where organization_id = ${organization.id} and role = 'owner' limit 1`,
    );
    ownerId = rows<{ user_id: string }>(owner)[0]!.user_id;
  }

  const orgId = organization.id;
  const session = await withIdentity(db, (tx) =>
    createSession(tx, { userId: ownerId, activeOrganizationId: orgId, ...client }),
  );
  const key = await withIdentity(db, (tx) =>
    issueApiKey(tx, { organizationId: orgId, name: 'bench', role: 'admin', createdById: null }),
  );
  return { organizationId: orgId, sessionToken: session.token, apiKey: key.key };
}
