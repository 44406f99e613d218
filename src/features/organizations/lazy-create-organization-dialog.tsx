'use client';

import dynamic from 'next/dynamic';

/**
 * The create-organization dialog, loaded when first shown: it is reachable from every page,
 * but its form and validation are rarely needed.
 */
export const LazyCreateOrganizationDialog = dynamic(
  () => import('./create-organization-dialog').then((module) => module.CreateOrganizationDialog),
  { ssr: false },
);
