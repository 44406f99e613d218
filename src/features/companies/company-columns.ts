'use client';

import { useHiddenColumns } from '@/lib/hidden-columns';

/** The company table's optional columns; the name is always shown. */
export const COMPANY_COLUMNS = [
  { id: 'domain', label: 'Domain' },
  { id: 'industry', label: 'Industry' },
  { id: 'size', label: 'Size' },
  { id: 'tags', label: 'Tags' },
  { id: 'date', label: 'Created / updated' },
] as const;
export type CompanyColumn = (typeof COMPANY_COLUMNS)[number]['id'];

/** Which columns are hidden, remembered in this browser. */
export const useHiddenCompanyColumns = () =>
  useHiddenColumns('clientele.companies.hiddenColumns', COMPANY_COLUMNS);
