'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { DialogOpenState } from '@/components/form-dialog';
import { EditDialog, useVersionedRecord, VersionedEditForm } from '@/components/versioned-edit';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import type { Company } from '@/schemas/companies';
import { api } from '@/trpc/react';
import {
  COMPANY_FORM_FIELDS,
  companyForm,
  companyFormValues,
  companyUpdate,
  type CompanyFormInput,
  type CompanyFormValues,
} from './company-form';
import { CompanyFormFields } from './company-form-fields';

/** Edits a company. */
export function CompanyEditDialog({ company, ...dialog }: { company: Company } & DialogOpenState) {
  return (
    <EditDialog name={company.name} className="sm:max-w-xl" {...dialog}>
      {(done) => <EditForm company={company} onDone={done} />}
    </EditDialog>
  );
}

function EditForm({ company, onDone }: { company: Company; onDone: () => void }) {
  const utils = api.useUtils();
  const form = useForm<CompanyFormInput, unknown, CompanyFormValues>({
    resolver: zodResolver(companyForm),
    defaultValues: companyFormValues(company),
  });
  const version = useVersionedRecord(company, {
    fetchLatest: ({ id }) => utils.companies.get.fetch({ id }, { staleTime: 0 }),
    onReloaded: (fresh) => {
      form.reset(companyFormValues(fresh));
      void utils.companies.list.invalidate();
    },
  });

  const update = api.companies.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${updated.name} was saved`);
      utils.companies.get.setData({ id: updated.id }, updated);
      onDone();
      // A new name is written into the company's people too.
      await Promise.all([utils.companies.invalidate(), utils.customers.invalidate()]);
    },
    onError: (error) => {
      if (version.caughtConflict(error)) return;
      fieldsOrToast(form.setError, COMPANY_FORM_FIELDS)(error);
    },
  });

  return (
    <VersionedEditForm
      what="company"
      version={version}
      pending={update.isPending}
      onSubmit={form.handleSubmit((values) => update.mutate(companyUpdate(version.base, values)))}
      onCancel={onDone}
    >
      <CompanyFormFields form={form} />
    </VersionedEditForm>
  );
}
