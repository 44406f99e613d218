import { sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestApiKey } from '@/test/api-keys';
import { createTestOrganization } from '@/test/factories';
import { setupTestDatabase } from '@/test/database';
import { revokeApiKey } from './repositories/api-keys';
import { onAccessCommitted, withIdentity, withTenant } from './tenant';

const connection = setupTestDatabase();

let heard: (unknown[] | 'all')[] = [];
const stopHearing = onAccessCommitted((changes) =>
  heard.push(changes === 'all' ? 'all' : changes.map((change) => JSON.parse(change))),
);
afterEach(() => {
  heard = [];
});
afterAll(stopHearing);

const revoked = (id: string) => ({ kind: 'apiKey', id });

async function keyOf(organizationId: string) {
  const { id } = await createTestApiKey(connection().db, organizationId);
  heard = [];
  return id;
}

// The committing instance forgets a revoked credential as the commit completes, without waiting
// for the NOTIFY: what a transaction changed is heard by the time it has resolved.
describe('access changes heard on commit', () => {
  it('hears a key revoked by the time its transaction resolves', async () => {
    const org = await createTestOrganization(connection().db);
    const id = await keyOf(org.id);

    await withTenant(connection().db, org.id, (tx) => revokeApiKey(tx, id, new Date()));

    expect(heard).toEqual([[revoked(id)]]);
  });

  it('hears nothing of a transaction that changed no access, or that failed', async () => {
    const org = await createTestOrganization(connection().db);
    const id = await keyOf(org.id);

    await withTenant(connection().db, org.id, (tx) => tx.execute(sql`select 1`));
    const failed = withTenant(connection().db, org.id, async (tx) => {
      await revokeApiKey(tx, id, new Date());
      throw new Error('changed its mind');
    });

    await expect(failed).rejects.toThrow('changed its mind');
    expect(heard).toEqual([]);
  });

  it('leaves out what a savepoint rolled back', async () => {
    const org = await createTestOrganization(connection().db);
    const kept = await keyOf(org.id);
    const undone = await keyOf(org.id);

    await withTenant(connection().db, org.id, async (tx) => {
      await revokeApiKey(tx, kept, new Date());
      await tx
        .transaction(async (savepoint) => {
          await revokeApiKey(savepoint as typeof tx, undone, new Date());
          throw new Error('rolled back');
        })
        .catch(() => {});
    });

    expect(heard).toEqual([[revoked(kept)]]);
  });

  it('hears every change of one transaction, and too many as all', async () => {
    const org = await createTestOrganization(connection().db);
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) ids.push(await keyOf(org.id));
    await withTenant(connection().db, org.id, async (tx) => {
      for (const id of ids) await revokeApiKey(tx, id, new Date());
    });
    expect(heard).toEqual([ids.map(revoked)]);

    heard = [];
    // Each announcement is about 60 bytes: 400 of them are past the note's 16 KB.
    await withIdentity(connection().db, async (tx) => {
      for (let index = 0; index < 400; index++) {
        await tx.execute(
          sql`select announce_access(json_build_object('kind', 'apiKey', 'id', gen_random_uuid()))`,
        );
      }
    });
    expect(heard).toEqual(['all']);
  });
});
