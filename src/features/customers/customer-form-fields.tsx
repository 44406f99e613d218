'use client';

import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/form-field';
import { FormSelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { CUSTOMER_STATUSES, type CustomerCreateInput } from '@/schemas/customers';
import { customerStatusLabel } from './customer-status-badge';

/** The fields the create and edit forms share. */
export type CustomerBasicValues = Pick<
  CustomerCreateInput,
  'firstName' | 'lastName' | 'email' | 'company' | 'phone' | 'status'
>;

export const BASIC_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'company',
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
  const { errors } = basic.formState;

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="First name"
          autoComplete="off"
          error={errors.firstName?.message}
          {...basic.register('firstName')}
        />
        <TextField
          label="Last name"
          autoComplete="off"
          error={errors.lastName?.message}
          {...basic.register('lastName')}
        />
      </div>
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...basic.register('email')}
      />
      <TextField
        label="Company"
        autoComplete="off"
        error={errors.company?.message}
        {...basic.register('company')}
      />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="off"
        error={errors.phone?.message}
        {...basic.register('phone')}
      />
      <FormSelectField
        control={basic.control}
        name="status"
        label="Status"
        error={errors.status?.message}
      >
        {CUSTOMER_STATUSES.map((status) => (
          <SelectItem key={status} value={status}>
            {customerStatusLabel(status)}
          </SelectItem>
        ))}
      </FormSelectField>
    </>
  );
}
