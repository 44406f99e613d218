import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendAuditLog } from '@/server/db/repositories/audit-logs';
import { auditLogs, events } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { setupOwnerDatabase } from '@/test/database';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { connection, services } = setupTestServices();
const ownerDb = setupOwnerDatabase(connection);

/**
 * Changes audit rows the way only someone with direct database access could: as the table
 * owner, for whom row-level security is switched off for a moment.
 */
async function tamper(db: Database, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_logs no force row level security`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_logs force row level security`);
  });
}

async function orgWithHistory() {
  const org = await createTestOrganization(services().db);
  const api = ownerCaller(services(), org);
  const customer = await api.customers.create({ firstName: 'Chain', email: 'chain@example.com' });
  await api.customers.update({ id: customer.id, company: 'Links Ltd' });
  await api.customers.update({
    id: customer.id,
    company: 'Links & Co "quoted" | piped\nnewline ✓',
  });
  await api.interactions.create({ customerId: customer.id, type: 'note', subject: 'Ünïcödé 🔗' });
  const rows = await withTenant(services().db, org.id, (tx) =>
    tx.select().from(auditLogs).orderBy(auditLogs.sequence),
  );
  return { org, api, rows };
}

describe('the audit hash chain', () => {
  it('numbers each organization\u2019s rows from 1 and verifies them', async () => {
    const { api, rows } = await orgWithHistory();
    // Each company named for the first time is created, with a row of its own.
    expect(rows.map((row) => row.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[1]!.previousHash).toEqual(rows[0]!.hash);
    expect(await api.audit.verify()).toEqual({ ok: true, checked: 7, firstBroken: null });
  });

  it('names the first row whose recorded changes were edited', async () => {
    const { api, rows } = await orgWithHistory();
    await tamper(
      ownerDb(),
      sql`update audit_logs set changes = '{"after": {"company": "Forged"}}' where id = ${rows[2]!.id}`,
    );
    expect(await api.audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { id: rows[2]!.id, sequence: 3, reason: 'its recorded changes were altered' },
    });
  });

  it('hashes the app and the client a row names, once they are set', async () => {
    const { org, api } = await orgWithHistory();
    const appId = randomUUID();
    await withTenant(services().db, org.id, (tx) =>
      appendAuditLog(tx, {
        organizationId: org.id,
        actorType: 'user',
        actorId: org.ownerId,
        appId,
        clientName: 'MCP: inspector 0.1',
        action: 'customer.viewed',
        entityType: 'customer',
        entityId: null,
      }),
    );
    expect(await api.audit.verify()).toMatchObject({ ok: true, checked: 8 });
    await tamper(
      ownerDb(),
      sql`update audit_logs set client_name = 'MCP: someone else' where app_id = ${appId}`,
    );
    expect((await api.audit.verify()).firstBroken).toMatchObject({
      sequence: 8,
      reason: 'its fields were altered',
    });
  });

  it('catches an edited field, a removed row, and a removed tail', async () => {
    const edited = await orgWithHistory();
    await tamper(
      ownerDb(),
      sql`update audit_logs set actor_id = null where id = ${edited.rows[1]!.id}`,
    );
    expect((await edited.api.audit.verify()).firstBroken).toMatchObject({
      sequence: 2,
      reason: 'its fields were altered',
    });

    const gap = await orgWithHistory();
    await tamper(ownerDb(), sql`delete from audit_logs where id = ${gap.rows[2]!.id}`);
    expect((await gap.api.audit.verify()).firstBroken).toMatchObject({
      sequence: 4,
      reason: 'row 3 is missing before this one',
    });

    const tail = await orgWithHistory();
    await tamper(ownerDb(), sql`delete from audit_logs where id = ${tail.rows.at(-1)!.id}`);
    expect((await tail.api.audit.verify()).firstBroken?.reason).toMatch(
      /the chain ends early: 7 rows were written/,
    );
  });

  it('links a row as its transaction commits: none before, and none for a rollback', async () => {
    const { org, api } = await orgWithHistory();
    const entry = {
      organizationId: org.id,
      actorType: 'user' as const,
      actorId: org.ownerId,
      action: 'customer.viewed',
      entityType: 'customer',
      entityId: null,
    };
    const inside = await withTenant(services().db, org.id, async (tx) => {
      const id = await appendAuditLog(tx, entry);
      const [row] = await tx
        .select()
        .from(auditLogs)
        .where(sql`${auditLogs.id} = ${id}`);
      return row!;
    });
    expect(inside).toMatchObject({ sequence: null, hash: null, previousHash: null });
    await expect(
      withTenant(services().db, org.id, async (tx) => {
        await appendAuditLog(tx, entry);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const customer = await api.customers.create({ firstName: 'After', lastName: 'Rollback' });

    const rows = await withTenant(services().db, org.id, (tx) =>
      tx.select().from(auditLogs).orderBy(auditLogs.sequence),
    );
    expect(rows.map((row) => row.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows[7]!.id).toBe(inside.id);
    // The change's event is numbered with its audit row.
    const [event] = await withTenant(services().db, org.id, (tx) =>
      tx
        .select({ sequence: events.sequence })
        .from(events)
        .where(sql`${events.data}->>'id' = ${customer.id}`),
    );
    expect(event!.sequence).toBe(9);
    expect(rows[8]).toMatchObject({ entityId: customer.id, sequence: 9 });
    expect(await api.audit.verify()).toEqual({ ok: true, checked: 9, firstBroken: null });
  });

  it.runIf(process.env.TEST_DRIVER === 'postgres')(
    'lets a write commit while another of the organization is open, numbering by commit',
    async () => {
      const { org, api } = await orgWithHistory();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const slow = withTenant(services().db, org.id, async (tx) => {
        await appendAuditLog(tx, {
          organizationId: org.id,
          actorType: 'user',
          actorId: org.ownerId,
          action: 'customer.viewed',
          entityType: 'customer',
          entityId: null,
        });
        opened();
        await released;
      });
      await open;
      // With the chain locked from insert to commit, this would wait for the open transaction.
      const quick = await api.customers.create({ firstName: 'Quick' });
      release();
      await slow;

      const rows = await withTenant(services().db, org.id, (tx) =>
        tx.select().from(auditLogs).orderBy(auditLogs.sequence),
      );
      expect(rows.slice(-2).map((row) => [row.sequence, row.entityId])).toEqual([
        [8, quick.id],
        [9, null],
      ]);
      expect(await api.audit.verify()).toEqual({ ok: true, checked: 9, firstBroken: null });
    },
  );
});
