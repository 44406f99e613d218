import type { CustomerCreateValues } from '@/schemas/customers';
import { customerIdsByEmail } from '@/server/db/repositories/customer-bulk';
import { emailTaken } from '@/server/db/repositories/customer-columns';
import { similarCustomers } from '@/server/db/repositories/duplicates';
import type { TenantTx } from '@/server/db/types';
import { possibleDuplicate } from '@/server/errors';

/**
 * Refuses a new customer that probably exists already: the same e-mail address is the usual 409
 * on `email`; a very similar full name is a 409 listing the candidates.
 */
export async function refuseDuplicateCustomer(tx: TenantTx, values: CustomerCreateValues) {
  if (values.email) {
    const sameEmail = await customerIdsByEmail(tx, [values.email.toLowerCase()]);
    if (sameEmail.size > 0) throw emailTaken();
  }
  const candidates = await similarCustomers(tx, values.firstName, values.lastName);
  if (candidates.length > 0) throw possibleDuplicate('customer', candidates);
}
