import { and, eq, isNull } from 'drizzle-orm';
import { customers } from '../schema';
import type { TenantTx } from '../types';

/** The public shape of a customer; internal columns (deletion, sort keys) stay inside. */
export const customerColumns = {
  id: customers.id,
  email: customers.email,
  firstName: customers.firstName,
  lastName: customers.lastName,
  company: customers.company,
  companyId: customers.companyId,
  phone: customers.phone,
  status: customers.status,
  tags: customers.tags,
  ownerId: customers.ownerId,
  address: customers.address,
  metadata: customers.metadata,
  version: customers.version,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};

/** The organization's customers that are not soft-deleted. */
export const live = (tx: TenantTx) =>
  and(eq(customers.organizationId, tx.organizationId), isNull(customers.deletedAt));
