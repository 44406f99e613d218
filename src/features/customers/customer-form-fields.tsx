'use client';

import { useId } from 'react';
import { Controller, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/form-field';
import { Label } from '@/components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
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
  const statusId = useId();

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
      <div className="grid gap-2">
        <Label htmlFor={statusId}>Status</Label>
        <Controller
          control={basic.control}
          name="status"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange} name={field.name}>
              <SelectTrigger
                id={statusId}
                aria-invalid={errors.status ? true : undefined}
                onBlur={field.onBlur}
              >
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {CUSTOMER_STATUSES.map((status) => (
                  <SelectItem key={status} value={status}>
                    {customerStatusLabel(status)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
        {errors.status?.message ? (
          <p role="alert" className="text-sm text-destructive">
            {errors.status.message}
          </p>
        ) : null}
      </div>
    </>
  );
}
