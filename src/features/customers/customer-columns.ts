'use client';

import { useHiddenColumns } from '@/lib/hidden-columns';

/** The customer table's optional columns; the name is always shown. */
export const CUSTOMER_COLUMNS = [
  { id: 'email', label: 'Email' },
  { id: 'company', label: 'Company' },
  { id: 'status', label: 'Status' },
  { id: 'tags', label: 'Tags' },
  { id: 'date', label: 'Created / updated' },
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number]['id'];

/** Which columns are hidden, remembered in this browser. */
export const useHiddenCustomerColumns = () =>
  useHiddenColumns('clientele.customers.hiddenColumns', CUSTOMER_COLUMNS);
