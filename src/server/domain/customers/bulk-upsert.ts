import { z } from 'zod';
import type { Company } from '@/schemas/companies';
import {
  customerFields,
  type Customer,
  type CustomerCreateValues,
  type CustomerUpsertItem,
} from '@/schemas/customers';
import { customerIdsByEmail } from '@/server/db/repositories/customer-bulk';
import { insertCustomer, updateCustomer } from '@/server/db/repositories/customer-writes';
import type { TenantTx } from '@/server/db/types';
import { companyLinkFor } from '../companies/link';
import { upsertEach } from '../records/bulk-upsert';

/**
 * Customers by e-mail address (ignoring case, among live customers): each one created or
 * changed gets its audit row and event, as the form would write it; a company named for the
 * first time is created (and audited) with it. Similar names are not refused, as in imports.
 */
export function upsertCustomers(
  tx: TenantTx,
  items: CustomerUpsertItem[],
  audit: {
    created(customer: Customer): Promise<void>;
    updated(before: Customer, after: Customer): Promise<void>;
    companyCreated(company: Company): Promise<void>;
  },
) {
  const linked = async <T extends CustomerUpsertItem | CustomerCreateValues>(values: T) => {
    const { link, created } = await companyLinkFor(tx, values);
    if (created) await audit.companyCreated(created);
    return { ...values, ...link };
  };
  return upsertEach(tx, items, {
    keyOf: (item) => item.email.toLowerCase(),
    findExisting: customerIdsByEmail,
    createSchema: z.strictObject(customerFields),
    async create(tx, values) {
      const customer = await insertCustomer(tx, await linked(values));
      await audit.created(customer);
      return customer;
    },
    async update(tx, id, item) {
      const { before, after, changed } = await updateCustomer(tx, id, await linked(item));
      if (changed) await audit.updated(before, after);
      return changed;
    },
  });
}
