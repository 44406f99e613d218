import type { CustomerCreateValues } from '@/schemas/customers';
import { emailTaken } from '@/server/db/repositories/customer-columns';
import { similarCustomers } from '@/server/db/repositories/duplicates';
import type { TenantTx } from '@/server/db/types';
import { possibleDuplicate } from '@/server/errors';

/**
 * Refuses a new customer that probably exists already: the same e-mail address is the usual 409
 * on `email`; a very similar full name is a 409 listing the candidates.
 */
export async function refuseDuplicateCustomer(tx: TenantTx, values: CustomerCreateValues) {
  const candidates = await similarCustomers(tx, values);
  if (candidates[0]?.sameEmail) throw emailTaken();
  if (candidates.length > 0) {
    throw possibleDuplicate(
      'customer',
      candidates.map(({ sameEmail: _, ...candidate }) => candidate),
    );
  }
}
