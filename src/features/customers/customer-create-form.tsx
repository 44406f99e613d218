'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { customerName } from '@/lib/format';
import { customerCreateInput, type CustomerCreateInput } from '@/schemas/customers';
import { api } from '@/trpc/react';
import { BASIC_FIELDS, CustomerBasicFields } from './customer-form-fields';

const EMPTY: CustomerCreateInput = {
  firstName: '',
  lastName: '',
  email: '',
  company: '',
  phone: '',
  status: 'lead',
};

function CustomerCreateForm({ onCreated }: { onCreated: () => void }) {
  const utils = api.useUtils();
  const form = useForm<CustomerCreateInput>({
    resolver: zodResolver(customerCreateInput),
    defaultValues: EMPTY,
  });
  const create = api.customers.create.useMutation({
    onSuccess: async (customer) => {
      toast.success(`${customerName(customer)} was added`);
      onCreated();
      await Promise.all([utils.customers.list.invalidate(), utils.customers.count.invalidate()]);
    },
    onError: fieldsOrToast(form.setError, BASIC_FIELDS),
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <CustomerBasicFields form={form} />
      <FormDialogActions
        pending={create.isPending}
        submitLabel="Create customer"
        pendingLabel="Creating…"
      />
    </PostForm>
  );
}

export function CustomerCreateFormDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="New customer"
      description="Only the first name is required; add the rest when you know it."
    >
      <CustomerCreateForm onCreated={() => onOpenChange(false)} />
    </FormDialog>
  );
}
