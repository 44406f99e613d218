'use client';

import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import type { ImportKind } from '@/schemas/imports';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';

export function ImportView({ initialKind }: { initialKind: ImportKind }) {
  const canImport = useCan('data:import');
  return (
    <div className="grid gap-8">
      <PageHeader
        title="Import"
        description="Add or update many customers, companies or deals at once from a CSV file."
      />
      {canImport ? (
        <>
          <ImportWizard initialKind={initialKind} />
          <ImportHistory />
        </>
      ) : (
        <EmptyState>Only owners, admins and managers can import.</EmptyState>
      )}
    </div>
  );
}
