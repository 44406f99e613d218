'use client';

import { DownloadIcon } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';
import { AuditFiltersBar } from './audit-filters';
import { AuditTable } from './audit-table';
import { VerificationAlert, VerifyIntegrityButton, type AuditVerification } from './audit-verify';
import {
  auditExportHref,
  auditFiltersFrom,
  auditListParams,
  hasAuditFilters,
  type AuditFilters,
} from './list-params';

const DESCRIPTION = 'Every change in the organization: who made it, when, and from where.';

export function AuditView() {
  const canRead = useCan('audit:read');
  const searchParams = useSearchParams();
  const filters = useMemo(() => auditFiltersFrom(searchParams), [searchParams]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  if (!canRead) {
    return (
      <div className="grid grid-cols-1 gap-6">
        <PageHeader title="Audit trail" description={DESCRIPTION} />
        <div className="rounded-lg border border-dashed bg-background p-8 text-center">
          <p className="text-sm text-muted-foreground">
            Only owners and admins can see the audit trail.
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Audit trail"
        description={DESCRIPTION}
        actions={
          <>
            <VerifyIntegrityButton onResult={setVerification} />
            <ExportLink filters={filters} />
          </>
        }
      />
      {verification ? <VerificationAlert result={verification} /> : null}
      <AuditFiltersBar filters={filters} />
      <AuditEntries filters={filters} />
    </div>
  );
}

const subscribeToNothing = () => () => {};

/**
 * The CSV of the current view. Its date bounds are midnights in the browser's time zone, which
 * the server render does not know, so they join the link once the page runs in the browser.
 */
function ExportLink({ filters }: { filters: AuditFilters }) {
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const href = auditExportHref(
    inBrowser ? filters : { ...filters, from: undefined, to: undefined },
  );
  return (
    <Button asChild variant="outline">
      <a href={href} download>
        <DownloadIcon aria-hidden="true" />
        Export CSV
      </a>
    </Button>
  );
}

function AuditEntries({ filters }: { filters: AuditFilters }) {
  const list = api.audit.list.useInfiniteQuery(auditListParams(filters), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="audit-entries-heading" className="grid grid-cols-1 gap-4">
      <h2 id="audit-entries-heading" className="sr-only">
        Entries
      </h2>
      {list.isPending ? (
        <div className="grid gap-2" role="status" aria-label="Loading entries">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState
          what="The audit trail could not be loaded."
          error={list.error}
          retry={() => void list.refetch()}
        />
      ) : entries.length === 0 ? (
        <div className="rounded-lg border border-dashed bg-background p-10 text-center">
          {hasAuditFilters(filters) ? (
            <p className="text-sm text-muted-foreground">
              <span className="block text-base font-medium text-foreground">
                No entries match these filters.
              </span>{' '}
              Pick another entity, person or action, or a wider date range.
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">
              <span className="block text-base font-medium text-foreground">No entries yet.</span>{' '}
              Changes made in the organization will be recorded here.
            </p>
          )}
        </div>
      ) : (
        <>
          <AuditTable entries={entries} />
          {list.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                variant="outline"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? 'Loading…' : 'Load more entries'}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
