'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { FormTextField } from '@/components/form-field';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { customerName } from '@/lib/format';
import { describeError, isStaleVersion } from '@/lib/server-errors';
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
import { CustomerBasicFields } from './customer-form-fields';
import { OwnerSelectField } from './owner-select-field';

type EditForm = UseFormReturn<CustomerEditInput, unknown, CustomerEditValues>;

/**
 * Edits every field of a customer. The update carries the version that was read, so a change
 * someone else saved meanwhile is never silently overwritten.
 */
export function CustomerEditDialog({
  customer,
  open,
  onOpenChange,
  finalFocus,
}: {
  customer: Customer;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes (e.g. the menu that opened it). */
  finalFocus?: React.RefObject<HTMLElement | null>;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      className="sm:max-w-2xl"
      finalFocus={finalFocus}
      title={`Edit ${customerName(customer)}`}
      description="Changes are saved for everyone in your organization and recorded in the audit trail."
    >
      {/* Mounted only while open, so each opening starts from the customer as it is now. */}
      <EditForm customer={customer} onDone={() => onOpenChange(false)} />
    </FormDialog>
  );
}

function EditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const utils = api.useUtils();
  const [base, setBase] = useState(customer);
  const [conflict, setConflict] = useState(false);
  const form = useForm<CustomerEditInput, unknown, CustomerEditValues>({
    resolver: zodResolver(customerEditForm),
    defaultValues: customerEditValues(customer),
  });
  const { errors } = form.formState;

  const update = api.customers.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${customerName(updated)} was saved`);
      utils.customers.get.setData({ id: updated.id }, updated);
      onDone();
      await Promise.all([
        utils.customers.list.invalidate(),
        utils.customers.count.invalidate(),
        utils.audit.list.invalidate(),
      ]);
    },
    onError: (error) => {
      if (isStaleVersion(error)) setConflict(true);
      else if (!applyCustomerEditErrors(error, form)) toast.error(describeError(error));
    },
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => update.mutate(customerUpdate(base, values)))}>
      {conflict ? (
        <StaleVersionAlert
          customerId={base.id}
          onReloaded={(fresh) => {
            setBase(fresh);
            form.reset(customerEditValues(fresh));
            setConflict(false);
          }}
        />
      ) : null}

      <CustomerBasicFields form={form} />

      <FormTextField
        form={form}
        name="tags"
        label="Tags"
        autoComplete="off"
        hint="Separate tags with commas, e.g. vip, newsletter."
      />

      <Controller
        control={form.control}
        name="ownerId"
        render={({ field }) => (
          <OwnerSelectField
            name={field.name}
            ownerId={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            triggerRef={field.ref}
            error={errors.ownerId?.message}
          />
        )}
      />

      <AddressFields form={form} />

      <FormDialogActions
        pending={update.isPending}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        submitDisabled={conflict}
        onCancel={onDone}
      />
    </PostForm>
  );
}

/** Says the customer changed since it was read, and loads the latest version to start over. */
function StaleVersionAlert({
  customerId,
  onReloaded,
}: {
  customerId: string;
  onReloaded: (fresh: Customer) => void;
}) {
  const utils = api.useUtils();
  const [reloading, setReloading] = useState(false);

  async function reload() {
    setReloading(true);
    try {
      onReloaded(await utils.customers.get.fetch({ id: customerId }, { staleTime: 0 }));
      void utils.customers.list.invalidate();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setReloading(false);
    }
  }

  return (
    <Alert variant="destructive">
      <TriangleAlertIcon aria-hidden="true" />
      <AlertTitle>Someone else changed this customer meanwhile</AlertTitle>
      <AlertDescription>
        <p>
          Your changes were not saved. Reload to see the latest version, then make your changes
          again.
        </p>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => void reload()}
          disabled={reloading}
        >
          <RefreshCwIcon aria-hidden="true" />
          {reloading ? 'Reloading…' : 'Reload'}
        </Button>
      </AlertDescription>
    </Alert>
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
        <FormTextField
          form={form}
          name="address.country"
          label="Country"
          autoComplete="off"
          maxLength={2}
          hint="Two letters, e.g. US or DE."
        />
      </div>
      {errors.address?.message ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {errors.address.message}
        </p>
      ) : null}
    </fieldset>
  );
}
