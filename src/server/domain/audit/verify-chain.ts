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

/** What a checkpoint kept outside the database says: row `sequence` has this hash (hex). */
export interface ChainCheckpoint {
  sequence: number;
  hash: string;
  at: string;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Walks the organization's audit chain from the first row and recomputes it here, independently
 * of the trigger that built it: each row's hash over the previous hash, its fields as the
 * database serialises them, and the hash of its changes; the link to the previous row; no gap
 * in the sequence; the head matching the last row; and (unless erased) the changes matching
 * their hash. Reports the first row that does not check out.
 *
 * The chain and its head live in the same database: a login that may delete both can make a
 * shorter chain, or a new one, that checks out. Checkpoints kept elsewhere (see
 * write-checkpoints.ts) catch that: the checkpointed row must be there, with that hash.
 */
export async function verifyAuditChain(
  tx: TenantTx,
  checkpoints: ChainCheckpoint[] = [],
): Promise<AuditVerification> {
  const checkpointsAt = new Map<number, ChainCheckpoint[]>();
  for (const checkpoint of checkpoints) {
    checkpointsAt.set(checkpoint.sequence, [
      ...(checkpointsAt.get(checkpoint.sequence) ?? []),
      checkpoint,
    ]);
  }
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
      const differing = checkpointsAt.get(row.sequence)?.find((c) => c.hash !== hex(row.hash));
      if (differing) {
        return broken(
          row.id,
          row.sequence,
          `it is not the row the checkpoint of ${differing.at} recorded: the chain was rewritten`,
        );
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
  const furthest = checkpoints.reduce<ChainCheckpoint | undefined>(
    (far, checkpoint) => (far && far.sequence >= checkpoint.sequence ? far : checkpoint),
    undefined,
  );
  if (furthest && furthest.sequence > checked) {
    return broken(
      lastId ?? '00000000-0000-0000-0000-000000000000',
      checked,
      `the chain ends at row ${checked}, but the checkpoint of ${furthest.at} recorded ` +
        `${furthest.sequence} rows: rows were removed`,
    );
  }
  return { ok: true, checked, firstBroken: null };
}
