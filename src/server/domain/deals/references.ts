import { assertMember } from '@/server/db/repositories/members';
import { isLiveCompany, missingCustomers } from '@/server/db/repositories/deals';
import type { TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';

/**
 * What a deal points at must belong to the organization: a company or person of another one
 * is as unknown as one that never existed (404, naming the field), never forbidden.
 */
export async function assertDealReferences(
  tx: TenantTx,
  values: { ownerId?: string | null; companyId?: string | null; customerIds?: string[] },
) {
  if (values.ownerId) await assertMember(tx, values.ownerId, 'ownerId');
  if (values.companyId && !(await isLiveCompany(tx, values.companyId))) {
    throw new AppError('NOT_FOUND', 'Company not found', {
      issues: [{ path: ['companyId'], message: 'is not a company of this organization' }],
    });
  }
  if (values.customerIds?.length) {
    const missing = new Set(await missingCustomers(tx, values.customerIds));
    if (missing.size > 0) {
      throw new AppError('NOT_FOUND', 'Customer not found', {
        issues: values.customerIds.flatMap((id, index) =>
          missing.has(id)
            ? [{ path: ['customerIds', index], message: 'is not a customer of this organization' }]
            : [],
        ),
      });
    }
  }
}
