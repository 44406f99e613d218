'use client';

import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';

export function ImportView() {
  const canImport = useCan('data:import');
  return (
    <div className="grid gap-8">
      <PageHeader
        title="Import customers"
        description="Add or update many customers at once from a CSV file."
      />
      {canImport ? (
        <>
          <ImportWizard />
          <ImportHistory />
        </>
      ) : (
        <EmptyState>Only owners, admins and managers can import customers.</EmptyState>
      )}
    </div>
  );
}
