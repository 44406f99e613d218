'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { FormTextField } from '@/components/form-field';
import type { DialogOpenState } from '@/components/form-dialog';
import { EditDialog, useVersionedRecord, VersionedEditForm } from '@/components/versioned-edit';
import { customerName } from '@/lib/format';
import { describeError } from '@/lib/server-errors';
import type { Customer } from '@/schemas/customers';
import { api } from '@/trpc/react';
import {
  applyCustomerEditErrors,
  customerEditForm,
  customerEditValues,
  customerUpdate,
  type CustomerEditInput,
  type CustomerEditValues,
} from './customer-edit-form';
import {
  CustomerBasicFields,
  CustomerCountryField,
  CustomerTagsField,
} from './customer-form-fields';
import { FormOwnerSelectField } from '@/features/members/owner-fields';

type EditForm = UseFormReturn<CustomerEditInput, unknown, CustomerEditValues>;

/** Edits every field of a customer. */
export function CustomerEditDialog({
  customer,
  ...dialog
}: { customer: Customer } & DialogOpenState) {
  return (
    <EditDialog name={customerName(customer)} className="sm:max-w-2xl" {...dialog}>
      {(done) => <EditForm customer={customer} onDone={done} />}
    </EditDialog>
  );
}

function EditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const utils = api.useUtils();
  const form = useForm<CustomerEditInput, unknown, CustomerEditValues>({
    resolver: zodResolver(customerEditForm),
    defaultValues: customerEditValues(customer),
  });
  const version = useVersionedRecord(customer, {
    fetchLatest: ({ id }) => utils.customers.get.fetch({ id }, { staleTime: 0 }),
    onReloaded: (fresh) => {
      form.reset(customerEditValues(fresh));
      void utils.customers.list.invalidate();
    },
  });

  const update = api.customers.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${customerName(updated)} was saved`);
      utils.customers.get.setData({ id: updated.id }, updated);
      onDone();
      await Promise.all([utils.customers.list.invalidate(), utils.customers.count.invalidate()]);
    },
    onError: (error) => {
      if (version.caughtConflict(error) || applyCustomerEditErrors(error, form)) return;
      toast.error(describeError(error));
    },
  });

  return (
    <VersionedEditForm
      what="customer"
      version={version}
      pending={update.isPending}
      onSubmit={form.handleSubmit((values) => update.mutate(customerUpdate(version.base, values)))}
      onCancel={onDone}
    >
      <CustomerBasicFields form={form} />

      <CustomerTagsField form={form} />

      <FormOwnerSelectField control={form.control} name="ownerId" />

      <AddressFields form={form} />
    </VersionedEditForm>
  );
}

/** Line 1, postal code, city and country; a problem with the address as a whole goes under. */
function AddressFields({ form }: { form: EditForm }) {
  const { errors } = form.formState;
  const errorId = useId();
  return (
    <fieldset
      className="grid gap-4"
      aria-describedby={errors.address?.message ? errorId : undefined}
    >
      <legend className="mb-2 text-sm font-medium">Address</legend>
      <FormTextField form={form} name="address.line1" label="Address line 1" autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormTextField
          form={form}
          name="address.postalCode"
          label="Postal code"
          autoComplete="off"
        />
        <FormTextField form={form} name="address.city" label="City" autoComplete="off" />
        <CustomerCountryField form={form} />
      </div>
      {errors.address?.message ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {errors.address.message}
        </p>
      ) : null}
    </fieldset>
  );
}
