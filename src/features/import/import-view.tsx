'use client';

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
        <div className="rounded-lg border border-dashed bg-background p-8 text-center">
          <p className="text-sm text-muted-foreground">
            Only owners, admins and managers can import customers.
          </p>
        </div>
      )}
    </div>
  );
}
