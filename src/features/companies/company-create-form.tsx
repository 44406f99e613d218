'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import {
  DuplicateCheckedActions,
  useDuplicates,
  type DuplicateCandidate,
} from '@/components/duplicate-warning';
import { FormDialog, type DialogOpenState } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { duplicateCandidates } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { CompanyCreateInput } from '@/schemas/companies';
import { api } from '@/trpc/react';
import {
  COMPANY_FORM_FIELDS,
  companyCreate,
  companyForm,
  EMPTY_COMPANY,
  type CompanyFormInput,
  type CompanyFormValues,
} from './company-form';
import { CompanyFormFields } from './company-form-fields';

/** The look-alike companies a 409 named, as links to their pages. */
export function companyCandidates(error: unknown): DuplicateCandidate[] {
  return duplicateCandidates(error).map((candidate) => ({
    id: String(candidate.id),
    href: `/companies/${String(candidate.id)}`,
    label: typeof candidate.name === 'string' ? candidate.name : 'A company',
    hint: typeof candidate.domain === 'string' ? candidate.domain : null,
  }));
}

function CompanyCreateForm({ onCreated }: { onCreated: () => void }) {
  const router = useRouter();
  const utils = api.useUtils();
  const form = useForm<CompanyFormInput, unknown, CompanyFormValues>({
    resolver: zodResolver(companyForm),
    defaultValues: EMPTY_COMPANY,
  });
  const duplicates = useDuplicates<CompanyCreateInput>();
  const showFieldErrors = fieldsOrToast(form.setError, COMPANY_FORM_FIELDS);

  const create = api.companies.create.useMutation({
    onSuccess: async (company) => {
      toast.success(`${company.name} was added`);
      onCreated();
      router.push(`/companies/${company.id}`);
      await utils.companies.list.invalidate();
    },
    onError: (error, sent) => {
      if (!duplicates.caught(sent, companyCandidates(error))) showFieldErrors(error);
    },
  });

  return (
    <PostForm
      onSubmit={form.handleSubmit((values) => {
        duplicates.clear();
        create.mutate(companyCreate(values));
      })}
    >
      <CompanyFormFields form={form} />
      <DuplicateCheckedActions noun="company" duplicates={duplicates} create={create} />
    </PostForm>
  );
}

export function CompanyCreateFormDialog(dialog: DialogOpenState) {
  return (
    <FormDialog
      {...dialog}
      className="sm:max-w-xl"
      title="New company"
      description="Only the name is required; add the rest when you know it."
    >
      <CompanyCreateForm onCreated={() => dialog.onOpenChange(false)} />
    </FormDialog>
  );
}
