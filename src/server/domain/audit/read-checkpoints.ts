import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { auditCheckpoint, checkpointSignedBy, type AuditCheckpoint } from './checkpoint-signature';

const CHECKPOINT_TYPE = 'clientele.audit-checkpoint';

export interface CheckpointProblem {
  /** `file:line` */
  where: string;
  reason: string;
}

export interface CheckpointsRead {
  /** The organization's checkpoints whose signature holds. */
  checkpoints: AuditCheckpoint[];
  /** Its checkpoints that are malformed or not signed by the key: forged, altered or foreign. */
  invalid: CheckpointProblem[];
}

/**
 * The organization's checkpoints in a file, or in every file of a directory: the checkpoint
 * file (one per line), or JSON log lines that carry one under `checkpoint` (the app logs each);
 * other lines are passed over.
 */
export async function readCheckpoints(
  location: string,
  organizationId: string,
  publicKey: KeyObject,
): Promise<CheckpointsRead> {
  const read: CheckpointsRead = { checkpoints: [], invalid: [] };
  for (const file of await filesAt(location)) {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    let number = 0;
    for await (const line of lines) {
      number += 1;
      const candidate = checkpointIn(line);
      if (
        !candidate ||
        (candidate as { organizationId?: unknown }).organizationId !== organizationId
      ) {
        continue;
      }
      const where = `${file}:${number}`;
      const parsed = auditCheckpoint.safeParse(candidate);
      if (!parsed.success) {
        read.invalid.push({ where, reason: 'the checkpoint is malformed' });
      } else if (!checkpointSignedBy(parsed.data, publicKey)) {
        read.invalid.push({
          where,
          reason: 'the signature does not match (altered, or another key)',
        });
      } else {
        read.checkpoints.push(parsed.data);
      }
    }
  }
  return read;
}

async function filesAt(location: string): Promise<string[]> {
  if (!(await stat(location)).isDirectory()) return [location];
  const entries = await readdir(location, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(location, entry.name))
    .sort();
}

function checkpointIn(line: string): unknown {
  if (!line.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const record = value as { type?: unknown; checkpoint?: { type?: unknown } } | null;
  if (record?.type === CHECKPOINT_TYPE) return record;
  if (record?.checkpoint?.type === CHECKPOINT_TYPE) return record.checkpoint;
  return undefined;
}
