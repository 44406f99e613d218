import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsUpTo, openOwnDatabase } from '@/test/own-database';
import { migrate } from './migrate';
import { rows } from './rows';

const LAST_BEFORE_TOTALS = '0014_companies_and_deals';
const OWNER_TABLES = ['organizations', 'pipelines', 'pipeline_stages', 'deals'];

describe('migrating existing deals into the board totals', () => {
  let folder: string;
  let database: Awaited<ReturnType<typeof openOwnDatabase>>;
  const org = randomUUID();
  const stages = { lead: randomUUID(), won: randomUUID() };

  /** Runs fn as the owner, around row security on these tables. */
  async function aroundRowSecurity<T>(
    tables: string[],
    fn: (execute: (query: ReturnType<typeof sql>) => Promise<unknown>) => Promise<T>,
  ): Promise<T> {
    return database.connection.db.transaction(async (tx) => {
      for (const table of tables) {
        await tx.execute(sql.raw(`alter table ${table} no force row level security`));
      }
      const result = await fn((query) => tx.execute(query));
      for (const table of tables) {
        await tx.execute(sql.raw(`alter table ${table} force row level security`));
      }
      return result;
    });
  }

  beforeAll(async () => {
    folder = await migrationsUpTo(LAST_BEFORE_TOTALS);
    database = await openOwnDatabase();
    await migrate(database.connection, { migrationsFolder: folder });
    await aroundRowSecurity(OWNER_TABLES, async (execute) => {
      const pipeline = randomUUID();
      await execute(
        sql`insert into organizations (id, name, slug) values (${org}, 'Org', ${`org-${org.slice(0, 8)}`})`,
      );
      await execute(
        sql`insert into pipelines (id, organization_id, name, is_default) values (${pipeline}, ${org}, 'Sales', true)`,
      );
      for (const [name, id] of Object.entries(stages)) {
        await execute(sql`
          insert into pipeline_stages (id, organization_id, pipeline_id, name, position, probability, kind)
          values (${id}, ${org}, ${pipeline}, ${name}, ${name === 'lead' ? 0 : 1},
                  ${name === 'lead' ? 10 : 100}, ${name === 'lead' ? 'open' : 'won'})`);
      }
      const deals: [string, number, string, boolean][] = [
        [stages.lead, 100, 'USD', false],
        [stages.lead, 250, 'USD', false],
        [stages.lead, 40, 'EUR', false],
        [stages.won, 1000, 'USD', false],
        [stages.won, 9999, 'USD', true],
      ];
      for (const [stageId, amount, currency, deleted] of deals) {
        await execute(sql`
          insert into deals (organization_id, title, pipeline_id, stage_id, amount_cents, currency, deleted_at)
          values (${org}, 'd', ${pipeline}, ${stageId}, ${amount}, ${currency},
                  ${deleted ? sql`now()` : sql`null`})`);
      }
    });
    await migrate(database.connection);
  });

  afterAll(async () => {
    await database?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('counts the live deals of each stage and currency', async () => {
    const totals = await aroundRowSecurity(['deal_stage_totals'], async (execute) =>
      rows<{ stage_id: string; currency: string; deal_count: number; amount_cents: string }>(
        await execute(sql`
          select stage_id, currency, deal_count::int as deal_count, amount_cents::text as amount_cents
          from deal_stage_totals where organization_id = ${org} order by currency, amount_cents`),
      ),
    );
    expect(totals).toEqual([
      { stage_id: stages.lead, currency: 'EUR', deal_count: 1, amount_cents: '40' },
      { stage_id: stages.won, currency: 'USD', deal_count: 1, amount_cents: '1000' },
      { stage_id: stages.lead, currency: 'USD', deal_count: 2, amount_cents: '350' },
    ]);
  });
});
