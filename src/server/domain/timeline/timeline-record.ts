import { can, RECORD_READ_PERMISSION, type Role } from '@/schemas/permissions';
import type { TimelineRecordType } from '@/schemas/timeline';
import { getCompany } from '@/server/db/repositories/companies';
import { getCustomer } from '@/server/db/repositories/customers';
import { getDeal } from '@/server/db/repositories/deals';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import type { TimelineScope } from './timeline-sources';

const NOUN: Record<TimelineRecordType, string> = {
  customer: 'Customer',
  company: 'Company',
  deal: 'Deal',
};

async function titleOf(
  tx: TenantTx,
  recordType: TimelineRecordType,
  recordId: string,
): Promise<string | undefined> {
  if (recordType === 'customer') {
    const customer = await getCustomer(tx, recordId);
    return customer && [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  }
  if (recordType === 'company') return (await getCompany(tx, recordId))?.name;
  return (await getDeal(tx, recordId))?.title;
}

/**
 * The live record whose timeline is asked for, in the caller's organization, as the timeline's
 * scope; a record elsewhere or gone is not found, one the role may not read is forbidden.
 */
export async function timelineScope(
  tx: TenantTx,
  role: Role,
  recordType: TimelineRecordType,
  recordId: string,
): Promise<TimelineScope> {
  const permission = RECORD_READ_PERMISSION[recordType];
  if (!can(role, permission)) {
    throw new AppError('FORBIDDEN', `The ${role} role does not allow ${permission}`);
  }
  const recordTitle = await titleOf(tx, recordType, recordId);
  if (recordTitle === undefined) throw notFound(NOUN[recordType]);
  return { organizationId: tx.organizationId, recordType, recordId, recordTitle };
}
