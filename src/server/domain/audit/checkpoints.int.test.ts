import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '@/cli/commands';
import { auditLogs } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { setupOwnerDatabase } from '@/test/database';
import { createTestOrganization, ownerCaller, type TestOrganization } from '@/test/factories';
import { setupTestServices, testLogger } from '@/test/services';
import { checkpointKeys, checkpointSignedBy, signCheckpoint } from './checkpoint-signature';
import { AuditCheckpointWriter, CHECKPOINT_FILE } from './write-checkpoints';

const { connection, services } = setupTestServices();
const ownerDb = setupOwnerDatabase(connection);

const directory = mkdtempSync(path.join(tmpdir(), 'clientele-checkpoints-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const key = randomBytes(32).toString('base64');
const keys = checkpointKeys({
  checkpointKey: key,
  encryptionKey: randomBytes(32).toString('base64'),
});
/** The environment the verifying CLI runs with: the same signing key. */
const config = { AUDIT_CHECKPOINT_KEY: key, ENCRYPTION_KEY: randomBytes(32).toString('base64') };

async function organizationWithHistory() {
  const org = await createTestOrganization(services().db);
  const api = ownerCaller(services(), org);
  for (const name of ['Ada', 'Grace', 'Edsger']) {
    await api.customers.create({ firstName: name, email: `${name.toLowerCase()}@example.com` });
  }
  const { checked } = await api.audit.verify();
  return { org, api, length: checked };
}

async function hashOfRow(org: TestOrganization, sequence: number) {
  const rows = await withTenant(services().db, org.id, (tx) =>
    tx.select({ sequence: auditLogs.sequence, hash: auditLogs.hash }).from(auditLogs),
  );
  return Buffer.from(rows.find((row) => row.sequence === sequence)!.hash!).toString('hex');
}

/**
 * What only a login owning the tables can do: delete an organization's audit rows, its chain
 * head, and the change events numbered after them.
 */
async function wipe(db: Database, org: TestOrganization) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_logs no force row level security`);
    await tx.execute(sql`alter table events no force row level security`);
    await tx.execute(sql`delete from audit_logs where organization_id = ${org.id}`);
    await tx.execute(sql`delete from events where organization_id = ${org.id}`);
    await tx.execute(sql`delete from audit_chain_heads where chain_key = ${org.id}`);
    await tx.execute(sql`alter table events force row level security`);
    await tx.execute(sql`alter table audit_logs force row level security`);
  });
}

const verify = (org: TestOrganization, checkpoints?: string) =>
  auditVerifyCommand(connection(), { org: org.slug, checkpoints }, config);

describe('audit checkpoints: the chains anchored outside the database', () => {
  it('writes a signed checkpoint of each chain that moved, once per head', async () => {
    const writer = new AuditCheckpointWriter({ keys, directory }, testLogger);
    const { org, api, length } = await organizationWithHistory();
    const first = await writer.write(services().db);
    const mine = first.find((checkpoint) => checkpoint.organizationId === org.id);
    expect(mine).toMatchObject({
      type: 'clientele.audit-checkpoint',
      sequence: length,
      hash: await hashOfRow(org, length),
    });
    expect(checkpointSignedBy(mine!, keys.publicKey)).toBe(true);
    const lines = readFileSync(path.join(directory, CHECKPOINT_FILE), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(mine);

    const again = await writer.write(services().db);
    expect(again.find((checkpoint) => checkpoint.organizationId === org.id)).toBeUndefined();
    await api.customers.create({ firstName: 'Barbara' });
    const moved = await writer.write(services().db);
    expect(moved.find((checkpoint) => checkpoint.organizationId === org.id)).toMatchObject({
      sequence: length + 1,
    });
  });

  it('passes a chain that holds every checkpointed row, and fails one wiped with its head', async () => {
    const writer = new AuditCheckpointWriter({ keys, directory }, testLogger);
    const wiped = await organizationWithHistory();
    const kept = await organizationWithHistory();
    await writer.write(services().db);

    expect(await verify(kept.org, directory)).toMatchObject({
      ok: true,
      checked: kept.length,
      checkpoints: { valid: 1, latest: { sequence: kept.length }, invalid: [] },
    });

    await wipe(ownerDb(), wiped.org);
    // Without the checkpoint the emptied chain checks out: nothing in the database tells.
    expect(await verify(wiped.org)).toMatchObject({ ok: true, checked: 0 });
    expect(await verify(wiped.org, directory)).toMatchObject({
      ok: false,
      checked: 0,
      firstBroken: {
        sequence: 0,
        reason: expect.stringMatching(
          new RegExp(
            `^the chain ends at row 0, but the checkpoint of .+ recorded ${wiped.length} rows`,
          ),
        ),
      },
    });
  });

  it('fails a chain wiped and begun anew, which is whole in itself', async () => {
    const writer = new AuditCheckpointWriter({ keys, directory }, testLogger);
    const { org, api, length } = await organizationWithHistory();
    await writer.write(services().db);
    await wipe(ownerDb(), org);
    for (let i = 0; i <= length; i += 1) await api.customers.create({ firstName: `Forged ${i}` });
    expect(await api.audit.verify()).toMatchObject({ ok: true, checked: length + 1 });
    expect(await verify(org, directory)).toMatchObject({
      ok: false,
      firstBroken: {
        sequence: length,
        reason: expect.stringMatching(/is not the row the checkpoint of .+ recorded/),
      },
    });
  });

  it('refuses checkpoints altered or signed with another key, and names where they are', async () => {
    const { org, length } = await organizationWithHistory();
    const head = { organizationId: org.id, sequence: length, hash: await hashOfRow(org, length) };
    const at = new Date().toISOString();
    const genuine = signCheckpoint({ ...head, at }, keys.privateKey);
    const altered = { ...genuine, sequence: 2 };
    const foreign = signCheckpoint(
      { ...head, at },
      checkpointKeys({ encryptionKey: randomBytes(32).toString('base64') }).privateKey,
    );
    const file = path.join(directory, `suspect-${org.id}.jsonl`);
    // A log line carrying a checkpoint counts as well as a checkpoint line.
    writeFileSync(
      file,
      [
        JSON.stringify({ level: 30, msg: 'audit checkpoint', checkpoint: genuine }),
        'not json',
        JSON.stringify(altered),
        JSON.stringify(foreign),
      ].join('\n'),
    );
    const result = await verify(org, file);
    expect(result).toMatchObject({
      ok: false,
      firstBroken: null,
      checkpoints: {
        valid: 1,
        invalid: [
          { where: `${file}:3`, reason: expect.stringMatching(/signature/) },
          { where: `${file}:4`, reason: expect.stringMatching(/signature/) },
        ],
      },
    });
    // An auditor gives the public key, without the app's environment.
    expect(
      await auditVerifyCommand(
        connection(),
        { org: org.slug, checkpoints: file, 'public-key': keys.publicKeyText },
        { ENCRYPTION_KEY: randomBytes(32).toString('base64') },
      ),
    ).toMatchObject({ checkpoints: { valid: 1, invalid: [{}, {}] } });
  });
});
