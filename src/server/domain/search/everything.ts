import { companyListInput } from '@/schemas/companies';
import { customerListInput } from '@/schemas/customers';
import { dealListInput } from '@/schemas/deals';
import { ORDER_STATUS_LABELS, orderListInput, orderNumberOf } from '@/schemas/orders';
import { customerName, formatMoney } from '@/lib/format';
import { listCompanies } from '@/server/db/repositories/companies';
import { listCustomers } from '@/server/db/repositories/customers';
import { listDeals } from '@/server/db/repositories/deal-lists';
import { listOrders } from '@/server/db/repositories/orders';
import type { TenantTx } from '@/server/db/types';
import { tasksByTitle } from './tasks-by-title';

export const SEARCH_KINDS = ['customer', 'company', 'deal', 'order', 'task'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string | null;
  href: string;
}

/** How well a record's texts match the term: 0 one is the term, 1 one starts with it, 2 one contains it, 3 only alike. */
export function relevance(term: string, texts: (string | null | undefined)[]): number {
  const needle = term.toLowerCase().trim().replace(/\s+/g, ' ');
  let best = 3;
  for (const text of texts) {
    const value = text?.toLowerCase().trim();
    if (!value) continue;
    if (value === needle) return 0;
    if (value.startsWith(needle)) best = Math.min(best, 1);
    else if (value.includes(needle)) best = Math.min(best, 2);
  }
  return best;
}

interface Ranked extends SearchHit {
  score: number;
  /** Its place in its own kind's list, which is already ordered. */
  place: number;
}

/** Where a task is seen: the record it is about, otherwise the task list. */
function taskHref(task: {
  customerId: string | null;
  companyId: string | null;
  dealId: string | null;
  orderId: string | null;
  completedAt: Date | null;
}) {
  if (task.customerId) return `/customers/${task.customerId}`;
  if (task.companyId) return `/companies/${task.companyId}`;
  if (task.dealId) return `/deals/${task.dealId}`;
  if (task.orderId) return `/orders/${task.orderId}`;
  return task.completedAt ? '/tasks?view=done' : '/tasks';
}

/**
 * Customers, companies, deals, orders (by number) and tasks that match a term, one list best
 * first: a record with a field that is the term, then one that starts with it, then one that
 * contains it, then the merely alike (a misspelt name); within a tier, each kind's own order.
 * Only the kinds asked for are searched (those the caller may read).
 */
export async function searchEverything(
  tx: TenantTx,
  { q, limit, kinds }: { q: string; limit: number; kinds: ReadonlySet<SearchKind> },
): Promise<SearchHit[]> {
  const term = q.trim();
  const found: Ranked[] = [];
  const add = (hits: SearchHit[], texts: (hit: number) => (string | null | undefined)[]) =>
    hits.forEach((hit, place) =>
      found.push({ ...hit, score: relevance(term, texts(place)), place }),
    );

  if (kinds.has('customer')) {
    const { items } = await listCustomers(tx, customerListInput.parse({ q: term, limit }));
    add(
      items.map((customer) => ({
        kind: 'customer',
        id: customer.id,
        title: customerName(customer),
        subtitle: customer.company || customer.email,
        href: `/customers/${customer.id}`,
      })),
      (place) => {
        const c = items[place]!;
        return [customerName(c), c.firstName, c.lastName, c.email, c.company];
      },
    );
  }
  if (kinds.has('company')) {
    const { items } = await listCompanies(
      tx,
      companyListInput.parse({ q: term, limit, sort: 'name', order: 'asc' }),
    );
    add(
      items.map((company) => ({
        kind: 'company',
        id: company.id,
        title: company.name,
        subtitle: company.domain,
        href: `/companies/${company.id}`,
      })),
      (place) => [items[place]!.name, items[place]!.domain],
    );
  }
  if (kinds.has('deal')) {
    const { items } = await listDeals(tx, dealListInput.parse({ q: term, limit }));
    add(
      items.map((deal) => ({
        kind: 'deal',
        id: deal.id,
        title: deal.title,
        subtitle: formatMoney(deal.amountCents, deal.currency),
        href: `/deals/${deal.id}`,
      })),
      (place) => [items[place]!.title],
    );
  }
  // Orders are found by number here ("1042", "#1042", "ORD-1042"); by customer, the customer is.
  const number = kinds.has('order') ? orderNumberOf(term) : undefined;
  if (number !== undefined) {
    const { items } = await listOrders(tx, orderListInput.parse({ q: term, limit }));
    items.forEach((order, place) =>
      found.push({
        kind: 'order',
        id: order.id,
        title: `Order #${order.number}`,
        subtitle: [
          order.customerName,
          ORDER_STATUS_LABELS[order.status],
          formatMoney(order.totalCents, order.currency),
        ]
          .filter(Boolean)
          .join(' · '),
        href: `/orders/${order.id}`,
        score: order.number === number ? 0 : 1,
        place,
      }),
    );
  }
  if (kinds.has('task')) {
    const rows = await tasksByTitle(tx, term, limit);
    add(
      rows.map((task) => ({
        kind: 'task',
        id: task.id,
        title: task.title,
        subtitle: task.completedAt ? 'Done task' : 'Open task',
        href: taskHref(task),
      })),
      (place) => [rows[place]!.title],
    );
  }

  return found
    .sort((a, b) => a.score - b.score || a.place - b.place)
    .slice(0, limit)
    .map(({ score: _score, place: _place, ...hit }) => hit);
}
