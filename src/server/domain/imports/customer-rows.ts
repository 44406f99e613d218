import { customerCreateInput, type CustomerCreateValues } from '@/schemas/customers';
import { customerIdsByEmail, insertCustomers } from '@/server/db/repositories/customer-bulk';
import { updateCustomer } from '@/server/db/repositories/customer-writes';
import { companyLinker } from './company-links';
import { applyUpdates, insertImported, mappedInput, type ImportRules } from './import-rules';

/** One CSV row as customer input, through the column mapping. */
export const rowToCustomer = (values: Record<string, string>, mapping: Record<string, string>) =>
  mappedInput(values, mapping as Parameters<typeof mappedInput>[1], (field, value, input) => {
    input[field] = field === 'status' ? value.toLowerCase() : value;
  });

/** Customers, deduplicated by e-mail address: a known address is skipped or updated. */
export const customerRows: ImportRules<CustomerCreateValues> = {
  toInput: rowToCustomer,
  schema: customerCreateInput,
  async apply(context, valid) {
    const { tx, importRow } = context;
    const emailOf = (values: CustomerCreateValues) => values.email?.toLowerCase() ?? null;
    const known = await customerIdsByEmail(tx, [
      ...new Set(valid.map((row) => emailOf(row.values)).filter((e): e is string => !!e)),
    ]);
    const willExist = new Set(known.keys());
    const inserts: CustomerCreateValues[] = [];
    const updates: { email: string; values: Partial<CustomerCreateValues> }[] = [];
    let skippedCount = 0;
    for (const { values, given } of valid) {
      const email = emailOf(values);
      if (email && willExist.has(email)) {
        const changes = Object.fromEntries(given.map((field) => [field, values[field]]));
        if (importRow.duplicates === 'update') updates.push({ email, values: changes });
        else skippedCount += 1;
        continue;
      }
      if (email) willExist.add(email);
      inserts.push(values);
    }

    // A company column links each row to the company of that name, created when there is none.
    const linkCompany = companyLinker(context);
    const linked = async <T extends { company?: string | null }>(values: T) =>
      values.company === undefined
        ? values
        : { ...values, ...(await linkCompany(values.company ?? null)) };
    for (let i = 0; i < inserts.length; i++) inserts[i] = await linked(inserts[i]!);
    for (const update of updates) update.values = await linked(update.values);

    for (const customer of await insertImported(context, 'customer', inserts, insertCustomers)) {
      if (customer.email) known.set(customer.email.toLowerCase(), customer.id);
    }
    const updated = await applyUpdates(
      context,
      'customer',
      updates.map(({ email, values }) => ({ id: known.get(email)!, values })),
      updateCustomer,
    );
    return {
      createdCount: inserts.length,
      updatedCount: updated.updatedCount,
      skippedCount: skippedCount + updated.skippedCount,
      rejected: [],
    };
  },
};
