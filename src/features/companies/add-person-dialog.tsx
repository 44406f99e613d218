'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { DuplicateCheckedActions, useDuplicates } from '@/components/duplicate-warning';
import { FormTextField } from '@/components/form-field';
import { FormDialog, FormDialogActions, type DialogOpenState } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { SearchCombobox, type ComboboxOption } from '@/components/search-combobox';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { customerCandidates } from '@/features/customers/customer-candidates';
import { fieldsOrToast } from '@/lib/form-errors';
import { customerName } from '@/lib/format';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Company } from '@/schemas/companies';
import { customerCreateInput, type CustomerCreateInput } from '@/schemas/customers';
import { api } from '@/trpc/react';

const SEARCH_DELAY_MS = 200;

/** Adds a person to the company: a customer already known, or a new one created there. */
export function AddPersonDialog({ company, ...dialog }: { company: Company } & DialogOpenState) {
  const done = () => dialog.onOpenChange(false);
  return (
    <FormDialog
      {...dialog}
      title={`Add a person to ${company.name}`}
      description="Link a customer you already have, or create a new one at this company."
    >
      <Tabs defaultValue="existing">
        <TabsList className="w-full">
          <TabsTrigger value="existing">Existing customer</TabsTrigger>
          <TabsTrigger value="new">New person</TabsTrigger>
        </TabsList>
        <TabsContent value="existing" className="pt-2">
          <LinkCustomerForm company={company} onDone={done} />
        </TabsContent>
        <TabsContent value="new" className="pt-2">
          <NewPersonForm company={company} onDone={done} />
        </TabsContent>
      </Tabs>
    </FormDialog>
  );
}

function useRefreshCompany() {
  const utils = api.useUtils();
  return () => Promise.all([utils.companies.invalidate(), utils.customers.invalidate()]);
}

/** Finds a customer by name, e-mail or company and links them to this company. */
function LinkCustomerForm({ company, onDone }: { company: Company; onDone: () => void }) {
  const refresh = useRefreshCompany();
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ComboboxOption | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);
  const search = api.customers.list.useQuery(
    { q: query, limit: 8 },
    { enabled: query.length > 0, placeholderData: keepPreviousData },
  );
  const options = (query ? (search.data?.items ?? []) : []).map((customer) => ({
    id: customer.id,
    label: customerName(customer),
    hint:
      customer.companyId === company.id
        ? `already at ${company.name}`
        : (customer.company ?? customer.email ?? undefined),
  }));

  const link = api.customers.update.useMutation({
    onSuccess: async (customer) => {
      toast.success(`${customerName(customer)} is now at ${company.name}`);
      onDone();
      await refresh();
    },
    onError: (failure) => setError(describeError(failure)),
  });

  return (
    <PostForm
      onSubmit={(event) => {
        event.preventDefault();
        if (!picked) {
          setError('Choose a customer from the suggestions');
          return;
        }
        link.mutate({ id: picked.id, companyId: company.id });
      }}
    >
      <SearchCombobox
        label="Customer"
        value={term}
        onValueChange={(value) => {
          setTerm(value);
          if (picked && value !== picked.label) setPicked(null);
          setError(undefined);
        }}
        options={options}
        searching={term.trim() !== query || search.isFetching}
        emptyText="No customer matches."
        placeholder="Search by name or e-mail"
        onPick={(option) => {
          setPicked(option);
          setTerm(option.label);
        }}
        error={error}
      />
      <FormDialogActions
        pending={link.isPending}
        submitLabel="Add to company"
        pendingLabel="Adding…"
      />
    </PostForm>
  );
}

const NEW_PERSON_FIELDS = ['firstName', 'lastName', 'email'] as const;

/** Creates a customer who works at this company. */
function NewPersonForm({ company, onDone }: { company: Company; onDone: () => void }) {
  const refresh = useRefreshCompany();
  const form = useForm<CustomerCreateInput>({
    resolver: zodResolver(customerCreateInput),
    defaultValues: { firstName: '', lastName: '', email: '', companyId: company.id },
  });
  const duplicates = useDuplicates<CustomerCreateInput>();
  const showFieldErrors = fieldsOrToast(form.setError, NEW_PERSON_FIELDS);

  const create = api.customers.create.useMutation({
    onSuccess: async (customer) => {
      toast.success(`${customerName(customer)} was added to ${company.name}`);
      onDone();
      await refresh();
    },
    onError: (error, sent) => {
      if (!duplicates.caught(sent, customerCandidates(error))) showFieldErrors(error);
    },
  });

  return (
    <PostForm
      onSubmit={form.handleSubmit((values) => {
        duplicates.clear();
        create.mutate({ ...values, companyId: company.id });
      })}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField form={form} name="firstName" label="First name" autoComplete="off" />
        <FormTextField form={form} name="lastName" label="Last name" autoComplete="off" />
      </div>
      <FormTextField form={form} name="email" label="Email" type="email" autoComplete="off" />
      <DuplicateCheckedActions noun="person" duplicates={duplicates} create={create} />
    </PostForm>
  );
}
