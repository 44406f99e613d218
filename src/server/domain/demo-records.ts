import type { z } from 'zod';
import type { demoRecordCounts } from '@/schemas/sandbox';
import {
  companies,
  customerInteractions,
  customers,
  orderLines,
  orderNumbers,
  orders,
} from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';
import { seedDemoCompanies, seedDemoDeals } from './demo-deals';
import { DAY, demoCustomers, INTERACTION_SUBJECTS, PRODUCTS, seededRandom } from './demo-data';

export type DemoRecordCounts = z.infer<typeof demoRecordCounts>;

/**
 * Fills the transaction's organization with demo records: customers and their timelines,
 * orders, companies and deals on the default pipeline, owned by `ownerId`. The same seed gives
 * the same records. The caller audits it.
 */
export async function seedDemoRecords(
  tx: TenantTx,
  { ownerId, customerCount = 300 }: { ownerId: string; customerCount?: number },
): Promise<DemoRecordCounts> {
  const random = seededRandom(42);
  const now = Date.now();
  const people = demoCustomers(random, customerCount, now);
  // Each company the demo people name is a company record, linked as the app links them.
  const companyNames = [...new Set(people.flatMap((person) => person.company ?? []))];
  const companyIds = new Map(
    companyNames.length === 0
      ? []
      : (
          await tx
            .insert(companies)
            .values(companyNames.map((name) => ({ organizationId: tx.organizationId, name })))
            .returning({ id: companies.id, name: companies.name })
        ).map((company) => [company.name, company.id]),
  );
  const customerRows = people.map((customer) => ({
    ...customer,
    companyId: customer.company ? (companyIds.get(customer.company) ?? null) : null,
    organizationId: tx.organizationId,
    ownerId,
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
        organizationId: tx.organizationId,
        customerId: customer.id,
        authorId: ownerId,
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
          organizationId: tx.organizationId,
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
        organizationId: tx.organizationId,
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
    // An organization whose orders were all removed (a sandbox reset) still has its counter.
    await tx
      .insert(orderNumbers)
      .values({ organizationId: tx.organizationId, lastNumber: number })
      .onConflictDoUpdate({ target: orderNumbers.organizationId, set: { lastNumber: number } });
  }

  const demoCompanies = await seedDemoCompanies(tx, { random, ownerId, now });
  const dealCount = await seedDemoDeals(tx, {
    random,
    ownerId,
    now,
    count: Math.max(12, Math.round(customerCount / 5)),
  });

  return {
    customers: inserted.length,
    interactions: interactionRows.length,
    orders: orderRows.length,
    companies: demoCompanies.length,
    deals: dealCount,
  };
}
