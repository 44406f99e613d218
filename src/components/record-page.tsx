'use client';

import Link from 'next/link';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import type { QueryStatus } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { isNotFound } from '@/lib/server-errors';

/** The list a record belongs to: "Customers" at /customers. */
export interface RecordList {
  label: string;
  href: string;
}

/** A record's page: the way back to its list, then what `children` show of the record. */
export function RecordPageFrame({
  list,
  crumb,
  children,
}: {
  list: RecordList;
  /** The record's own breadcrumb: its name. */
  crumb: string;
  children: React.ReactNode;
}) {
  return (
    <div className="grid grid-cols-1 gap-6">
      <Breadcrumbs items={[list, { label: crumb }]} />
      {children}
    </div>
  );
}

/** Grey placeholders of a record's page while it loads: its breadcrumbs, title, then `children`. */
export function RecordPageSkeleton({
  label,
  children,
}: {
  /** Names the placeholder for assistive technology: "Loading the deal". */
  label: string;
  children: React.ReactNode;
}) {
  return (
    <div className="grid grid-cols-1 gap-6" role="status" aria-label={label}>
      <Skeleton className="h-5 w-28" />
      <div className="grid gap-2">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-40" />
      </div>
      {children}
    </div>
  );
}

/** A record's page while it loads, when it is in tabs: its header, its tabs, the open one. */
export function RecordTabsSkeleton({ label }: { label: string }) {
  return (
    <RecordPageSkeleton label={label}>
      <Skeleton className="h-9 w-80" />
      <Skeleton className="h-40 w-full" />
    </RecordPageSkeleton>
  );
}

/**
 * Says that the record asked for is not there (a wrong link, a deleted record), with the way
 * back to its list; `hint` says what may have happened.
 */
export function RecordNotFound({
  list,
  title,
  message,
  hint,
  breadcrumbs = true,
}: {
  list: RecordList;
  /** The page's heading: "Deal not found". */
  title: string;
  message: string;
  hint: string;
  breadcrumbs?: boolean;
}) {
  return (
    <div className="grid grid-cols-1 gap-6">
      {breadcrumbs ? <Breadcrumbs items={[list, { label: 'Not found' }]} /> : null}
      <PageHeader title={title} />
      <EmptyState
        title={message}
        action={
          <Button variant="outline" size="sm" asChild>
            <Link href={list.href}>Back to {list.label.toLowerCase()}</Link>
          </Button>
        }
      >
        {hint}
      </EmptyState>
    </div>
  );
}

/**
 * A query for one record in the state it is in: `loading` while it loads, `notFound` when
 * there is no such record, what failed otherwise (titled `title`, with a way to try again),
 * and what `children` make of the record once it is in.
 */
export function RecordQueryState<TRecord>({
  query,
  list,
  title,
  crumb = title,
  failure,
  loading,
  notFound,
  children,
}: {
  query: QueryStatus<TRecord>;
  list: RecordList;
  title: string;
  /** The record's breadcrumb meanwhile, when not its title. */
  crumb?: string;
  /** What could not be done: "The deal could not be loaded." */
  failure: string;
  loading: React.ReactNode;
  notFound: React.ReactNode;
  children: (record: TRecord) => React.ReactNode;
}) {
  if (query.isPending) return loading;
  if (!query.isError) return children(query.data);
  if (isNotFound(query.error)) return notFound;
  return (
    <RecordPageFrame list={list} crumb={crumb}>
      <PageHeader title={title} />
      <ErrorState what={failure} error={query.error} retry={() => void query.refetch()} />
    </RecordPageFrame>
  );
}
