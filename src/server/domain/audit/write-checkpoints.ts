import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { organizationChainHeads } from '@/server/db/repositories/audit-logs';
import type { Database } from '@/server/db/types';
import { signCheckpoint, type AuditCheckpoint, type CheckpointKeys } from './checkpoint-signature';

/** The file checkpoints are appended to, one JSON object a line, in AUDIT_CHECKPOINT_DIR. */
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/** How often the upkeep job writes checkpoints (pg-boss cron). */
export const CHECKPOINT_SCHEDULE = '*/5 * * * *';

export interface CheckpointSettings {
  keys: CheckpointKeys;
  /** Where to append them; they go to the log in any case. */
  directory?: string;
}

/**
 * Anchors the audit chains outside the database: for each organization whose chain moved since
 * this process last wrote it, a signed checkpoint of its head, appended to the checkpoint file
 * (when a directory is set) and logged. A login that can wipe the rows and the heads cannot
 * reach either, so `cli audit-verify --checkpoints` shows what was removed. Each process writes
 * every chain once after it starts; a chain written twice does no harm.
 */
export class AuditCheckpointWriter {
  /** Organization → the head (sequence and hash) this process last wrote. */
  readonly #written = new Map<string, string>();

  constructor(
    private readonly settings: CheckpointSettings,
    private readonly logger: Logger,
  ) {}

  get file(): string | undefined {
    return this.settings.directory && path.join(this.settings.directory, CHECKPOINT_FILE);
  }

  async write(db: Database): Promise<AuditCheckpoint[]> {
    const heads = await db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'clientele_maintenance', true), set_config('transaction_read_only', 'on', true)`,
      );
      return organizationChainHeads(tx);
    });
    const at = new Date().toISOString();
    const checkpoints = heads
      .map((head) => ({ ...head, hash: Buffer.from(head.hash).toString('hex') }))
      .filter((head) => this.#written.get(head.organizationId) !== `${head.sequence}:${head.hash}`)
      .map((head) => signCheckpoint({ ...head, at }, this.settings.keys.privateKey));
    if (checkpoints.length === 0) return [];

    const file = this.file;
    if (file) {
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(''));
    }
    for (const checkpoint of checkpoints) {
      this.logger.info({ checkpoint }, 'audit checkpoint');
      this.#written.set(checkpoint.organizationId, `${checkpoint.sequence}:${checkpoint.hash}`);
    }
    return checkpoints;
  }
}
