import type { z } from 'zod';
import type { importStartInput } from '@/schemas/imports';
import { insertImport } from '@/server/db/repositories/imports';
import type { TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';
import type { JobQueue } from '@/server/jobs/queue';
import { readImportFile } from './preview';
import type { ImportJob } from './run-import';

/** Stores the import and queues it; it runs in the background. */
export async function startImport(
  tx: TenantTx,
  jobs: JobQueue,
  input: z.output<typeof importStartInput> & { createdById: string | null },
) {
  const { headers, rows } = readImportFile(input.csv);
  const unknown = Object.keys(input.mapping).filter((column) => !headers.includes(column));
  if (unknown.length) {
    throw new AppError(
      'BAD_REQUEST',
      `The file has no column ${unknown.map((c) => `"${c}"`).join(', ')}`,
      {
        issues: [{ path: ['mapping'], message: 'names columns the file does not have' }],
      },
    );
  }
  const created = await insertImport(tx, { ...input, totalRows: rows.length });
  const job: ImportJob = { organizationId: tx.organizationId, importId: created.id };
  await jobs.enqueue(tx, 'import', job, { singletonKey: created.id, retryLimit: 3 });
  return created;
}
