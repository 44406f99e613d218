'use client';

import type { UseFormReturn } from 'react-hook-form';
import { FormTextField } from '@/components/form-field';
import { FormSelectField } from '@/components/select-field';
import { FormTagsField } from '@/components/tag-input';
import { SelectItem } from '@/components/ui/select';
import { FormOwnerSelectField } from '@/features/members/owner-fields';
import { COMPANY_SIZES } from '@/schemas/companies';
import { sizeLabel } from './company-size';
import { NO_SIZE, type CompanyFormInput, type CompanyFormValues } from './company-form';

export type CompanyFormApi = UseFormReturn<CompanyFormInput, unknown, CompanyFormValues>;

/** Name, domain, industry, size, website, phone, owner and tags, for the create and edit forms. */
export function CompanyFormFields({ form }: { form: CompanyFormApi }) {
  return (
    <>
      <FormTextField form={form} name="name" label="Name" autoComplete="off" />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormTextField
          form={form}
          name="domain"
          label="Domain"
          autoComplete="off"
          hint="e.g. example.com"
        />
        <FormTextField form={form} name="industry" label="Industry" autoComplete="off" />
      </div>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormSelectField control={form.control} name="size" label="Size">
          <SelectItem value={NO_SIZE}>Not given</SelectItem>
          {COMPANY_SIZES.map((size) => (
            <SelectItem key={size} value={size}>
              {sizeLabel(size)}
            </SelectItem>
          ))}
        </FormSelectField>
        <FormTextField form={form} name="phone" label="Phone" type="tel" autoComplete="off" />
      </div>
      <FormTextField form={form} name="website" label="Website" type="url" autoComplete="off" />
      <FormOwnerSelectField control={form.control} name="ownerId" />
      <FormTagsField control={form.control} name="tags" />
    </>
  );
}
