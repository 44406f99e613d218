'use client';

import { useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import { SearchCombobox } from '@/components/search-combobox';
import { useCompanySearch } from '@/features/companies/use-company-search';
import type { CompanyChoice } from './customer-company';

/**
 * Company: a box that suggests the organization's companies as it is typed in. Picking one
 * links it; a name no company has creates that company with the customer.
 */
export function CustomerCompanyField({
  control,
  setValue,
  error,
}: {
  control: Control<CompanyChoice>;
  setValue: UseFormSetValue<CompanyChoice>;
  error?: string;
}) {
  const company = useWatch({ control, name: 'company' }) ?? '';
  const companyId = useWatch({ control, name: 'companyId' }) ?? null;
  const { options, searching } = useCompanySearch(companyId ? '' : company);
  const named = company.trim();

  return (
    <SearchCombobox
      label="Company"
      name="company"
      value={company}
      onValueChange={(value) => {
        setValue('company', value, { shouldDirty: true });
        setValue('companyId', null, { shouldDirty: true });
      }}
      options={options}
      searching={searching}
      emptyText={`No company matches; “${named}” will be created.`}
      onPick={(option) => {
        setValue('company', option.label, { shouldDirty: true });
        setValue('companyId', option.id, { shouldDirty: true });
      }}
      hint={
        companyId
          ? 'Linked to this company.'
          : named
            ? `Links the company named “${named}”, or creates it.`
            : 'Pick a company, or type the name of a new one.'
      }
      error={error}
    />
  );
}
