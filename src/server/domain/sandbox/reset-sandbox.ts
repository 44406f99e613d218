import { seedDemoRecords, type DemoRecordCounts } from '@/server/domain/demo-records';
import { getCurrentOrganization } from '@/server/db/repositories/organizations';
import { insertDefaultPipeline } from '@/server/db/repositories/pipelines';
import {
  deleteOrganizationRecords,
  firstOwnerId,
  hasRecords,
} from '@/server/db/repositories/sandboxes';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import { summaryOf } from './twins';

/** The transaction's organization, which must be a sandbox. */
async function currentSandbox(tx: TenantTx, doing: string) {
  const organization = await getCurrentOrganization(tx);
  if (!organization) throw notFound('Organization');
  if (!organization.sandboxOfId) {
    throw new AppError(
      'BAD_REQUEST',
      `Only a sandbox can be ${doing}; this is a live organization`,
    );
  }
  return summaryOf(organization);
}

/** Demo records owned by the person asking, or (for a key or an app) the first owner. */
async function seedAs(tx: TenantTx, personId: string | null): Promise<DemoRecordCounts> {
  const ownerId = personId ?? (await firstOwnerId(tx));
  if (!ownerId) throw new AppError('CONFLICT', 'The sandbox has no owner to own demo records');
  return seedDemoRecords(tx, { ownerId });
}

/**
 * Empties the sandbox (every record goes; members, keys, webhooks, apps and the audit trail
 * stay) and gives it the default pipeline again, optionally filled with demo data. The caller
 * audits it in the same transaction.
 */
export async function resetSandbox(
  tx: TenantTx,
  options: { seed: boolean; personId: string | null },
) {
  const organization = await currentSandbox(tx, 'reset');
  await deleteOrganizationRecords(tx);
  await insertDefaultPipeline(tx, tx.organizationId);
  const seeded = options.seed ? await seedAs(tx, options.personId) : null;
  return { organization, seeded };
}

/** Fills an empty sandbox with demo data. */
export async function seedSandbox(tx: TenantTx, personId: string | null) {
  await currentSandbox(tx, 'seeded');
  if (await hasRecords(tx)) {
    throw new AppError('CONFLICT', 'The sandbox has records already; reset it with demo data');
  }
  return seedAs(tx, personId);
}
