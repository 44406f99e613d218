import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsUpTo, openOwnDatabase } from '@/test/own-database';
import { migrate } from './migrate';
import { rows } from './rows';

const LAST_BEFORE_COMPANIES = '0013_search_prefix_indexes';

interface Person {
  org: 'a' | 'b';
  firstName: string;
  company: string | null;
  day: number;
}

// Organization A spells Acme four ways (the most frequent, "Acme Corp", names the company), and
// has people with no company at all; organization B has its own Acme.
const PEOPLE: Person[] = [
  { org: 'a', firstName: 'Wile', company: 'Acme Corp', day: 3 },
  { org: 'a', firstName: 'Road', company: 'ACME corp ', day: 1 },
  { org: 'a', firstName: 'Bugs', company: 'Acme Corp', day: 4 },
  { org: 'a', firstName: 'Daffy', company: 'acme corp', day: 2 },
  { org: 'a', firstName: 'Elmer', company: null, day: 5 },
  { org: 'a', firstName: 'Porky', company: '', day: 6 },
  { org: 'a', firstName: 'Tweety', company: '   ', day: 7 },
  { org: 'a', firstName: 'Hank', company: 'Globex', day: 8 },
  { org: 'b', firstName: 'Marvin', company: 'acme corp', day: 9 },
  { org: 'b', firstName: 'Pepe', company: ' Initech', day: 10 },
];

const READ_TABLES = ['companies', 'customers', 'pipelines', 'customer_interactions', 'orders'];

describe('migrating customers’ free-text companies into company records', () => {
  let folder: string;
  let database: Awaited<ReturnType<typeof openOwnDatabase>>;
  const orgs = { a: randomUUID(), b: randomUUID() };
  const ids = new Map<string, string>();

  beforeAll(async () => {
    folder = await migrationsUpTo(LAST_BEFORE_COMPANIES);
    database = await openOwnDatabase();
    const { db } = database.connection;
    await migrate(database.connection, { migrationsFolder: folder });

    // Rows written as they were before 0014, by the owner, around row security.
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table organizations no force row level security`);
      await tx.execute(sql`alter table customers no force row level security`);
      for (const [key, id] of Object.entries(orgs)) {
        await tx.execute(
          sql`insert into organizations (id, name, slug) values (${id}, ${`Org ${key}`}, ${`org-${key}-${id.slice(0, 8)}`})`,
        );
      }
      for (const person of PEOPLE) {
        const id = randomUUID();
        ids.set(person.firstName, id);
        const createdAt = new Date(Date.UTC(2026, 0, person.day)).toISOString();
        await tx.execute(
          sql`insert into customers (id, organization_id, first_name, company, created_at, updated_at)
              values (${id}, ${orgs[person.org]}, ${person.firstName}, ${person.company}, ${createdAt}::timestamptz, ${createdAt}::timestamptz)`,
        );
      }
      // Wile has a call and an order: a company's timeline and revenue will read them.
      const wile = ids.get('Wile')!;
      await tx.execute(sql`alter table customer_interactions no force row level security`);
      await tx.execute(sql`alter table orders no force row level security`);
      await tx.execute(
        sql`insert into customer_interactions (organization_id, customer_id, type, subject)
            values (${orgs.a}, ${wile}, 'call', 'Anvils')`,
      );
      await tx.execute(
        sql`insert into orders (organization_id, customer_id, number, currency)
            values (${orgs.a}, ${wile}, 1, 'USD')`,
      );
      for (const table of ['organizations', 'customers', 'customer_interactions', 'orders'])
        await tx.execute(sql.raw(`alter table ${table} force row level security`));
    });

    await migrate(database.connection);
  });

  afterAll(async () => {
    await database?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  /** What the owner reads, around row security. */
  async function read<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const { db } = database.connection;
    return db.transaction(async (tx) => {
      for (const table of READ_TABLES) {
        await tx.execute(sql.raw(`alter table ${table} no force row level security`));
      }
      const result = rows<T>(await tx.execute(query));
      for (const table of READ_TABLES) {
        await tx.execute(sql.raw(`alter table ${table} force row level security`));
      }
      return result;
    });
  }

  it('makes one company per distinct name and organization, ignoring case and spaces', async () => {
    const companies = await read<{
      organization_id: string;
      name: string;
      metadata: Record<string, unknown>;
      created_at: string | Date;
    }>(
      sql`select organization_id, name, metadata, created_at from companies order by organization_id = ${orgs.a} desc, lower(name)`,
    );
    expect(
      companies.map(({ organization_id, name, metadata }) => ({ organization_id, name, metadata })),
    ).toEqual([
      {
        organization_id: orgs.a,
        name: 'Acme Corp',
        metadata: { formerNames: ['ACME corp', 'acme corp'] },
      },
      { organization_id: orgs.a, name: 'Globex', metadata: {} },
      { organization_id: orgs.b, name: 'acme corp', metadata: {} },
      { organization_id: orgs.b, name: 'Initech', metadata: {} },
    ]);
    // A company dates from its first customer.
    expect(new Date(companies[0]!.created_at).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('links each customer to its company, whose name becomes their company', async () => {
    const people = await read<{
      id: string;
      company: string | null;
      company_name: string | null;
      company_org: string | null;
      organization_id: string;
    }>(
      sql`select c.id, c.company, c.organization_id, co.name as company_name, co.organization_id as company_org
          from customers c left join companies co on co.id = c.company_id`,
    );
    const byId = new Map(people.map((person) => [person.id, person]));
    for (const person of PEOPLE) {
      const row = byId.get(ids.get(person.firstName)!)!;
      const linked = person.company?.trim() ? person.company.trim().toLowerCase() : null;
      expect(row.company_name?.toLowerCase() ?? null, person.firstName).toBe(linked);
      // The other spellings live on in the company's formerNames (above).
      expect(row.company, person.firstName).toBe(linked ? row.company_name : person.company);
      if (linked) expect(row.company_org).toBe(row.organization_id);
    }
  });

  it('files existing timeline entries and orders under the company of their customer', async () => {
    const filed = await read<{ company_id: string | null; customer_company: string | null }>(
      sql`select x.company_id, c.company_id as customer_company
          from (select customer_id, company_id from customer_interactions
                union all select customer_id, company_id from orders) x
          join customers c on c.id = x.customer_id`,
    );
    expect(filed).toHaveLength(2);
    for (const row of filed) {
      expect(row.company_id).not.toBeNull();
      expect(row.company_id).toBe(row.customer_company);
    }
  });

  it('gives every organization its default pipeline', async () => {
    const pipelines = await read<{ organization_id: string }>(
      sql`select organization_id from pipelines where is_default`,
    );
    expect(pipelines.map((p) => p.organization_id).sort()).toEqual([orgs.a, orgs.b].sort());
  });
});
