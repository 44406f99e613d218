'use client';

import { DownloadIcon } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { nextPageCursor } from '@/lib/cursor-pages';
import { useClearSearchParams } from '@/lib/use-replace-search-params';
import { api } from '@/trpc/react';
import { AuditFiltersBar } from './audit-filters';
import { AuditTable } from './audit-table';
import { VerificationAlert, VerifyIntegrityButton, type AuditVerification } from './audit-verify';
import {
  auditExportHref,
  auditFiltersFrom,
  auditListParams,
  AUDIT_FILTER_KEYS,
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
        <EmptyState>Only owners and admins can see the audit trail.</EmptyState>
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
    getNextPageParam: nextPageCursor,
  });
  const clearFilters = useClearSearchParams(AUDIT_FILTER_KEYS);

  return (
    <PageSection id="audit-entries-heading" title="Entries" hiddenTitle>
      <PagedList
        query={list}
        loading={{ label: 'Loading entries', count: 8 }}
        failure="The audit trail could not be loaded."
        empty={
          hasAuditFilters(filters) ? (
            <EmptyState
              title="No entries match these filters."
              action={
                <Button variant="outline" onClick={clearFilters}>
                  Show all entries
                </Button>
              }
            >
              Pick another entity, person or action, or a wider date range.
            </EmptyState>
          ) : (
            <EmptyState
              title="No entries yet."
              action={
                <Button asChild variant="outline">
                  <Link href="/customers">Go to customers</Link>
                </Button>
              }
            >
              Changes made in the organization will be recorded here.
            </EmptyState>
          )
        }
        moreLabel="Load more entries"
      >
        {(entries) => <AuditTable entries={entries} />}
      </PagedList>
    </PageSection>
  );
}
