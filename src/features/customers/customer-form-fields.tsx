'use client';

import type { Control, FieldValues, UseFormReturn, UseFormSetValue } from 'react-hook-form';
import { FormCountryField } from '@/components/country-combobox';
import { FormTextField } from '@/components/form-field';
import { FormSelectField } from '@/components/select-field';
import { FormTagsField } from '@/components/tag-input';
import { SelectItem } from '@/components/ui/select';
import { CUSTOMER_STATUSES, type CustomerCreateInput } from '@/schemas/customers';
import type { CompanyChoice } from './customer-company';
import type { CustomerEditInput, CustomerEditValues } from './customer-edit-form';
import { CustomerCompanyField } from './customer-company-field';
import { customerStatusLabel } from './customer-status-badge';

/** The fields the create and edit forms share. */
export type CustomerBasicValues = Pick<
  CustomerCreateInput,
  'firstName' | 'lastName' | 'email' | 'company' | 'companyId' | 'phone' | 'status'
>;

export const BASIC_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'company',
  'companyId',
  'phone',
  'status',
] as const;

/** First name, last name, e-mail, company, phone and status, for any form that has them. */
export function CustomerBasicFields<
  T extends CustomerBasicValues,
  C,
  O extends FieldValues | undefined,
>({ form }: { form: UseFormReturn<T, C, O> }) {
  // Both forms hold these fields with the same types; the cast only forgets their other fields.
  const basic = form as unknown as UseFormReturn<CustomerBasicValues>;

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField form={basic} name="firstName" label="First name" autoComplete="off" />
        <FormTextField form={basic} name="lastName" label="Last name" autoComplete="off" />
      </div>
      <FormTextField form={basic} name="email" label="Email" type="email" autoComplete="off" />
      <CustomerCompanyField
        control={basic.control as unknown as Control<CompanyChoice>}
        setValue={basic.setValue as unknown as UseFormSetValue<CompanyChoice>}
        error={basic.formState.errors.company?.message ?? basic.formState.errors.companyId?.message}
      />
      <FormTextField form={basic} name="phone" label="Phone" type="tel" autoComplete="off" />
      <FormSelectField control={basic.control} name="status" label="Status">
        {CUSTOMER_STATUSES.map((status) => (
          <SelectItem key={status} value={status}>
            {customerStatusLabel(status)}
          </SelectItem>
        ))}
      </FormSelectField>
    </>
  );
}

/** A form that edits every field of a customer (tags as one line, the address flat). */
type CustomerEditFormApi = UseFormReturn<CustomerEditInput, unknown, CustomerEditValues>;

/** The customer's tags, which the form holds as one line ("vip, eu"), as chips to add and remove. */
export function CustomerTagsField({ form }: { form: CustomerEditFormApi }) {
  return <FormTagsField control={form.control} name="tags" />;
}

/** The country of the customer's address, found by name or code and held as its code. */
export function CustomerCountryField({ form }: { form: CustomerEditFormApi }) {
  return <FormCountryField control={form.control} name="address.country" />;
}
