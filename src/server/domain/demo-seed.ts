import { hashPassword } from '@/server/auth/password';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { findOrganizationBySlug } from '@/server/db/repositories/organizations';
import {
  companies,
  customerInteractions,
  customers,
  orderLines,
  orderNumbers,
  orders,
} from '@/server/db/schema';
import { withIdentity, withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { createOrganizationWithOwner } from './organizations/create-organization';
import { seedDemoCompanies, seedDemoDeals } from './demo-deals';
import { DAY, demoCustomers, INTERACTION_SUBJECTS, PRODUCTS, seededRandom } from './demo-data';

export const DEMO = {
  organizationName: 'Acme Demo',
  slug: 'demo',
  ownerName: 'Dana Demo',
  email: 'demo@example.com',
  password: 'clientele-demo',
} as const;

export interface DemoSeedResult {
  created: boolean;
  organizationId: string;
  slug: string;
  email: string;
  password: string;
  customers: number;
  interactions: number;
  orders: number;
  companies: number;
  deals: number;
}

/**
 * The demo organization with a few hundred customers, their timelines, orders, companies and
 * deals. Idempotent.
 */
export async function seedDemoOrganization(
  db: Database,
  customerCount = 300,
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

  const random = seededRandom(42);
  const now = Date.now();
  const counts = await withTenant(db, organization.id, async (tx) => {
    const people = demoCustomers(random, customerCount, now);
    // Each company the demo people name is a company record, linked as the app links them.
    const companyNames = [...new Set(people.flatMap((person) => person.company ?? []))];
    const companyIds = new Map(
      companyNames.length === 0
        ? []
        : (
            await tx
              .insert(companies)
              .values(companyNames.map((name) => ({ organizationId: organization.id, name })))
              .returning({ id: companies.id, name: companies.name })
          ).map((company) => [company.name, company.id]),
    );
    const customerRows = people.map((customer) => ({
      ...customer,
      companyId: customer.company ? (companyIds.get(customer.company) ?? null) : null,
      organizationId: organization.id,
      ownerId: userId,
    }));
    const inserted = await tx
      .insert(customers)
      .values(customerRows)
      .returning({ id: customers.id, createdAt: customers.createdAt });

    const interactionRows = inserted.flatMap((customer) =>
      Array.from({ length: random.int(0, 5) }, () => {
        const type = random.pick(['note', 'call', 'email', 'meeting'] as const);
        const occurredAt = new Date(customer.createdAt.getTime() + random.int(0, 60) * DAY);
        return {
          organizationId: organization.id,
          customerId: customer.id,
          authorId: userId,
          type,
          subject: random.pick(INTERACTION_SUBJECTS[type]),
          content: 'Logged from the demo data set.',
          occurredAt: new Date(Math.min(occurredAt.getTime(), now)),
        };
      }),
    );
    if (interactionRows.length) await tx.insert(customerInteractions).values(interactionRows);

    let number = 1000;
    const orderRows: (typeof orders.$inferInsert & {
      lines: (typeof orderLines.$inferInsert)[];
    })[] = [];
    for (const customer of inserted) {
      for (let n = random.int(0, 2); n > 0; n--) {
        const lines = Array.from({ length: random.int(1, 3) }, (_, position) => {
          const product = random.pick(PRODUCTS);
          const quantity = random.int(1, 4);
          return {
            organizationId: organization.id,
            orderId: '',
            position,
            description: product.description,
            quantity,
            unitPriceCents: product.unitPriceCents,
            totalCents: quantity * product.unitPriceCents,
          };
        });
        const createdAt = new Date(
          Math.min(customer.createdAt.getTime() + random.int(1, 90) * DAY, now - 3 * DAY),
        );
        const status = random.pick([
          'draft',
          'placed',
          'paid',
          'paid',
          'fulfilled',
          'cancelled',
        ] as const);
        // Each step a day or two after the one before, never in the future.
        const step = (days: number) => new Date(Math.min(createdAt.getTime() + days * DAY, now));
        const progress = { draft: 0, placed: 1, paid: 2, fulfilled: 3, cancelled: 1 }[status];
        orderRows.push({
          organizationId: organization.id,
          customerId: customer.id,
          number: ++number,
          status,
          currency: 'USD',
          totalCents: lines.reduce((sum, line) => sum + line.totalCents, 0),
          createdAt,
          updatedAt: createdAt,
          placedAt: progress >= 1 ? step(1) : null,
          paidAt: progress >= 2 && status !== 'cancelled' ? step(2) : null,
          fulfilledAt: progress >= 3 ? step(3) : null,
          cancelledAt: status === 'cancelled' ? step(2) : null,
          lines,
        });
      }
    }
    if (orderRows.length) {
      const insertedOrders = await tx
        .insert(orders)
        .values(orderRows.map(({ lines: _lines, ...order }) => order))
        .returning({ id: orders.id });
      const lineRows = orderRows.flatMap((order, i) =>
        order.lines.map((line) => ({ ...line, orderId: insertedOrders[i]!.id })),
      );
      await tx.insert(orderLines).values(lineRows);
      await tx.insert(orderNumbers).values({ organizationId: organization.id, lastNumber: number });
    }

    const demoCompanies = await seedDemoCompanies(tx, { random, ownerId: userId, now });
    const dealCount = await seedDemoDeals(tx, {
      random,
      ownerId: userId,
      now,
      count: Math.max(12, Math.round(customerCount / 5)),
    });

    await insertAuditLog(tx, {
      organizationId: organization.id,
      actorType: 'system',
      actorId: null,
      action: 'organization.seeded',
      entityType: 'organization',
      entityId: organization.id,
      changes: {
        after: {
          customers: inserted.length,
          interactions: interactionRows.length,
          orders: orderRows.length,
          companies: demoCompanies.length,
          deals: dealCount,
        },
      },
      userAgent: 'clientele seed',
    });
    return {
      customers: inserted.length,
      interactions: interactionRows.length,
      orders: orderRows.length,
      companies: demoCompanies.length,
      deals: dealCount,
    };
  });

  return { created: true, organizationId: organization.id, ...summary, ...counts };
}
