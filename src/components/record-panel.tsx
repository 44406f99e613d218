'use client';

import { ChevronDownIcon, ChevronUpIcon, ExternalLinkIcon } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { ErrorState } from '@/components/error-state';
import { LoadingSkeleton } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
} from '@/components/ui/sheet';
import { isNotFound } from '@/lib/server-errors';
import { typingInField } from '@/lib/typing-in-field';
import { recordStep } from './inline-navigation';
import type { OpenRecord } from './open-record';

/**
 * The side panel of a list: the open record's name, a link to its full page, buttons (and J / K)
 * for the next and previous record of the list, then what `children` show of it.
 */
export function RecordPanel({
  panel,
  what,
  title,
  href,
  children,
}: {
  panel: OpenRecord;
  /** What the records are, for the hints: "customer". */
  what: string;
  title: string;
  /** The record's full page. */
  href: string;
  children: React.ReactNode;
}) {
  const lastOpen = useRef(panel.openId);
  useEffect(() => {
    if (panel.openId) lastOpen.current = panel.openId;
  }, [panel.openId]);

  // J and K are heard on the whole page while the panel is open, so they keep working when the
  // element that had focus goes away (a record loading, the last one reached).
  const { openId, step: stepTo } = panel;
  useEffect(() => {
    if (!openId) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || !event.target) return;
      const step = recordStep({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        inField: typingInField(event.target),
      });
      if (!step) return;
      event.preventDefault();
      stepTo(step);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openId, stepTo]);

  return (
    <Sheet open={panel.openId !== null} onOpenChange={(open) => (open ? null : panel.close())}>
      <SheetContent
        className="sm:max-w-xl"
        onCloseAutoFocus={(event) => {
          // Back to the row the panel showed last, by its name, for keyboard users.
          const link = document.querySelector<HTMLElement>(
            `tr[data-record-id="${lastOpen.current}"] a, tr[data-record-id="${lastOpen.current}"] button`,
          );
          if (!link) return;
          event.preventDefault();
          link.focus();
        }}
      >
        <SheetHeader className="gap-3">
          <SheetTitle className="break-words">{title}</SheetTitle>
          <SheetDescription>
            Press <kbd className="rounded border px-1 font-mono text-xs">J</kbd> for the next {what}
            , <kbd className="rounded border px-1 font-mono text-xs">K</kbd> for the previous one.
          </SheetDescription>
          <div className="flex flex-wrap items-center gap-2">
            <Button asChild variant="outline" size="sm">
              <Link href={href}>
                <ExternalLinkIcon aria-hidden="true" />
                Open full page
              </Link>
            </Button>
            <div className="ml-auto flex gap-1">
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-disabled={!panel.previous}
                className="aria-disabled:opacity-50"
                onClick={() => panel.step(-1)}
              >
                <ChevronUpIcon aria-hidden="true" />
                Previous {what}
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-disabled={!panel.next}
                className="aria-disabled:opacity-50"
                onClick={() => panel.step(1)}
              >
                <ChevronDownIcon aria-hidden="true" />
                Next {what}
              </Button>
            </div>
          </div>
        </SheetHeader>
        <div className="grid grid-cols-1 gap-6 px-4 pb-6">{children}</div>
      </SheetContent>
    </Sheet>
  );
}

/**
 * What a panel shows of a record's query: placeholders while it loads, that it is gone, or
 * what failed with a way to try again; `children` once it is there.
 */
export function RecordPanelQuery<TData>({
  query,
  what,
  children,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: TData | undefined;
    refetch: () => unknown;
  };
  what: string;
  children: (data: TData) => React.ReactNode;
}) {
  if (query.data !== undefined) return children(query.data);
  if (query.isError) {
    return isNotFound(query.error) ? (
      <p className="text-sm text-muted-foreground">
        This {what} does not exist any more, or was deleted.
      </p>
    ) : (
      <ErrorState
        what={`The ${what} could not be loaded.`}
        error={query.error}
        retry={() => void query.refetch()}
      />
    );
  }
  return <LoadingSkeleton label={`Loading the ${what}`} shape="fields" count={4} />;
}
