import type { Path, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { applyServerErrors, issuesOf } from '@/lib/server-errors';
import {
  customerFields,
  customerStatus,
  postalAddress,
  type Customer,
  type CustomerUpdateInput,
} from '@/schemas/customers';
import { tagsText } from '@/features/records/tags-text';
import { companyLinkInput } from './customer-company';
import { BASIC_FIELDS } from './customer-form-fields';

/** An optional text input: empty means "not given". */
const blankable = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);

/** Every field of a customer as the edit form holds it: tags as one line, the address flat. */
export const customerEditForm = z.object({
  firstName: customerFields.firstName,
  lastName: customerFields.lastName,
  email: customerFields.email,
  company: customerFields.company,
  companyId: z.string().nullable(),
  phone: customerFields.phone,
  status: customerStatus,
  tags: tagsText,
  ownerId: z.string().nullable(),
  address: z.object({
    line1: blankable(postalAddress.shape.line1),
    city: blankable(postalAddress.shape.city),
    postalCode: blankable(postalAddress.shape.postalCode),
    country: blankable(postalAddress.shape.country),
  }),
});
export type CustomerEditInput = z.input<typeof customerEditForm>;
export type CustomerEditValues = z.output<typeof customerEditForm>;

const FIELDS = [...BASIC_FIELDS, 'tags', 'ownerId'] as const;

/** The customer as the form starts out. */
export function customerEditValues(customer: Customer): CustomerEditInput {
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email ?? '',
    company: customer.company ?? '',
    companyId: customer.companyId,
    phone: customer.phone ?? '',
    status: customer.status,
    tags: customer.tags.join(', '),
    ownerId: customer.ownerId,
    address: {
      line1: customer.address?.line1 ?? '',
      city: customer.address?.city ?? '',
      postalCode: customer.address?.postalCode ?? '',
      country: customer.address?.country ?? '',
    },
  };
}

/** The address as edited, keeping the parts this form does not show (line 2, region). */
export function mergedAddress(
  current: Customer['address'],
  edited: CustomerEditValues['address'],
): Customer['address'] {
  const merged: Record<string, string | undefined> = { ...current, ...edited };
  const parts = Object.entries(merged).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  return parts.length > 0 ? (Object.fromEntries(parts) as NonNullable<Customer['address']>) : null;
}

/** The update of `base` (the version that was read) to the values of the form. */
export function customerUpdate(base: Customer, values: CustomerEditValues): CustomerUpdateInput {
  return {
    id: base.id,
    expectedVersion: base.version,
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    ...companyChange(base, values),
    phone: values.phone,
    status: values.status,
    tags: values.tags,
    ownerId: values.ownerId,
    address: mergedAddress(base.address, values.address),
  };
}

/**
 * The company to send: none when the box still holds the customer's company, so saving other
 * fields never re-links (or creates) a company by name.
 */
function companyChange(base: Customer, values: CustomerEditValues) {
  const unchanged =
    (values.company ?? null) === base.company && (values.companyId ?? null) === base.companyId;
  return unchanged
    ? {}
    : companyLinkInput({ company: values.company, companyId: values.companyId });
}

/**
 * Puts the server's issues on the fields they name; an address issue goes on the address field
 * it names, or on the address as a whole (line 2, region). Returns true when one landed.
 */
export function applyCustomerEditErrors(
  error: unknown,
  form: UseFormReturn<CustomerEditInput, unknown, CustomerEditValues>,
): boolean {
  let applied = applyServerErrors(error, form.setError, FIELDS);
  for (const issue of issuesOf(error)) {
    const [field, part] = issue.path;
    if (field !== 'address') continue;
    const shown = typeof part === 'string' && part in form.getValues('address');
    form.setError(shown ? (`address.${part}` as Path<CustomerEditInput>) : 'address', {
      type: 'server',
      message: issue.message,
    });
    applied = true;
  }
  return applied;
}
