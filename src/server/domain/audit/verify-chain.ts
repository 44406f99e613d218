import { sha256 } from '@oslojs/crypto/sha2';
import type { AuditVerification } from '@/schemas/audit';
import { chainHead, chainRows } from '@/server/db/repositories/audit-logs';
import type { TenantTx } from '@/server/db/types';

const BATCH = 2_000;
const encoder = new TextEncoder();

function equal(a: Uint8Array, b: Uint8Array) {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function concat(...parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Walks the organization's audit chain from the first row and recomputes it here, independently
 * of the trigger that built it: each row's hash over the previous hash, its fields as the
 * database serialises them, and the hash of its changes; the link to the previous row; no gap
 * in the sequence; the head matching the last row; and (unless erased) the changes matching
 * their hash. Reports the first row that does not check out.
 */
export async function verifyAuditChain(tx: TenantTx): Promise<AuditVerification> {
  let previous: Uint8Array = new Uint8Array();
  let expectedSequence = 1;
  let checked = 0;
  let lastId: string | null = null;
  const broken = (id: string, sequence: number, reason: string): AuditVerification => ({
    ok: false,
    checked,
    firstBroken: { id, sequence, reason },
  });

  for (;;) {
    const batch = await chainRows(tx, expectedSequence - 1, BATCH);
    for (const row of batch) {
      if (row.sequence !== expectedSequence) {
        return broken(row.id, row.sequence, `row ${expectedSequence} is missing before this one`);
      }
      if (!equal(row.previousHash, previous)) {
        return broken(row.id, row.sequence, 'does not link to the row before it');
      }
      if (!row.erased && !equal(sha256(encoder.encode(row.changesText)), row.changesHash)) {
        return broken(row.id, row.sequence, 'its recorded changes were altered');
      }
      const hash = sha256(concat(row.previousHash, encoder.encode(row.canonical), row.changesHash));
      if (!equal(hash, row.hash)) {
        return broken(row.id, row.sequence, 'its fields were altered');
      }
      previous = row.hash;
      expectedSequence += 1;
      checked += 1;
      lastId = row.id;
    }
    if (batch.length < BATCH) break;
  }

  const head = await chainHead(tx);
  if (head && (head.lastSequence !== checked || !equal(head.lastHash, previous))) {
    return broken(
      lastId ?? '00000000-0000-0000-0000-000000000000',
      checked,
      `the chain ends early: ${head.lastSequence} rows were written`,
    );
  }
  return { ok: true, checked, firstBroken: null };
}
