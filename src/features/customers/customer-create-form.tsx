'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { DuplicateCheckedActions, useDuplicates } from '@/components/duplicate-warning';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { FormDialog, type DialogOpenState } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { customerName } from '@/lib/format';
import { customerCreateInput, type CustomerCreateInput } from '@/schemas/customers';
import { api } from '@/trpc/react';
import { customerCandidates } from './customer-candidates';
import { companyLinkInput } from './customer-company';
import { BASIC_FIELDS, CustomerBasicFields } from './customer-form-fields';

const EMPTY: CustomerCreateInput = {
  firstName: '',
  lastName: '',
  email: '',
  company: '',
  companyId: null,
  phone: '',
  status: 'lead',
};

function CustomerCreateForm({ onCreated }: { onCreated: () => void }) {
  const utils = api.useUtils();
  const form = useForm<CustomerCreateInput>({
    resolver: zodResolver(customerCreateInput),
    defaultValues: EMPTY,
  });
  const duplicates = useDuplicates<CustomerCreateInput>();
  const showFieldErrors = fieldsOrToast(form.setError, BASIC_FIELDS);
  const create = api.customers.create.useMutation({
    onSuccess: async (customer) => {
      toast.success(`${customerName(customer)} was added`);
      onCreated();
      await Promise.all([
        utils.customers.list.invalidate(),
        utils.customers.count.invalidate(),
        // Naming a new company creates it.
        utils.companies.invalidate(),
      ]);
    },
    onError: (error, sent) => {
      if (!duplicates.caught(sent, customerCandidates(error))) showFieldErrors(error);
    },
  });

  return (
    <PostForm
      onSubmit={form.handleSubmit((values) => {
        duplicates.clear();
        create.mutate(companyLinkInput(values));
      })}
    >
      <CustomerBasicFields form={form} />
      <DuplicateCheckedActions noun="customer" duplicates={duplicates} create={create} />
    </PostForm>
  );
}

export function CustomerCreateFormDialog(dialog: DialogOpenState) {
  return (
    <FormDialog
      {...dialog}
      title="New customer"
      description="Only the first name is required; add the rest when you know it."
    >
      <CustomerCreateForm onCreated={() => dialog.onOpenChange(false)} />
    </FormDialog>
  );
}
