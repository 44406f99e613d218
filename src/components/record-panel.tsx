'use client';

import { ChevronDownIcon, ChevronUpIcon, ExternalLinkIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
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
import { TableRow } from '@/components/ui/table';
import { isNotFound } from '@/lib/server-errors';
import { uuidParam } from '@/lib/url-params';
import { cn } from '@/lib/utils';
import { INLINE_CELL_ATTRIBUTE } from './inline-cell';
import { neighbourId, recordStep, type Step } from './inline-navigation';

/** The search param naming the record open in a list's side panel. */
export const OPEN_RECORD_PARAM = 'open';

/** What a click inside a row means for itself, not a wish to open the row's record. */
const OWN_CLICK = `a, button, input, select, textarea, label, [role="checkbox"], [${INLINE_CELL_ATTRIBUTE}]`;

/**
 * The record of a list open in its side panel, kept in the URL (`?open=<id>`) so a reload or a
 * shared link opens it again and Back closes it; and moving it along the list as loaded.
 */
export function useOpenRecord(ids: readonly string[]) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const openId = uuidParam(searchParams.get(OPEN_RECORD_PARAM)) ?? null;

  // The browser's own history: the router picks the change up without asking the server for
  // the page again, since only the panel changes.
  const show = useCallback(
    (id: string | null, how: 'push' | 'replace') => {
      const params = new URLSearchParams(searchParams.toString());
      if (id) params.set(OPEN_RECORD_PARAM, id);
      else params.delete(OPEN_RECORD_PARAM);
      const query = params.toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (how === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname, searchParams],
  );

  // Whether this page opened the panel with a step of its own, which closing then takes back.
  const pushed = useRef(false);
  const neighbour = (step: Step) => (openId ? neighbourId(ids, openId, step) : undefined);
  return {
    openId,
    /** Opens a record: a step of its own in the history, so Back closes the panel. */
    open(id: string) {
      if (openId) return show(id, 'replace');
      pushed.current = true;
      show(id, 'push');
    },
    close() {
      if (!pushed.current) return show(null, 'replace');
      pushed.current = false;
      window.history.back();
    },
    next: neighbour(1),
    previous: neighbour(-1),
    step(step: Step) {
      const id = neighbour(step);
      if (id) show(id, 'replace');
    },
  };
}

export type OpenRecord = ReturnType<typeof useOpenRecord>;

/**
 * Whether a record has been opened in the panel on this page yet: the panel's code (the
 * record's details and timeline) loads then, not with the list, and stays for the next one.
 */
export function usePanelWanted(panel: OpenRecord): boolean {
  const [wanted, setWanted] = useState(panel.openId !== null);
  if (panel.openId !== null && !wanted) setWanted(true);
  return wanted;
}

/**
 * A table row whose record opens in the side panel when the row is clicked anywhere but on its
 * links, buttons, boxes and editable cells (and not while text in it is being selected).
 */
export function OpenableRow({
  recordId,
  panel,
  className,
  ...props
}: React.ComponentProps<typeof TableRow> & { recordId: string; panel: OpenRecord }) {
  return (
    <TableRow
      data-record-id={recordId}
      aria-current={panel.openId === recordId ? 'true' : undefined}
      className={cn('cursor-pointer aria-[current]:bg-muted/50', className)}
      onClick={(event) => {
        const target = event.target as Element;
        // Clicks in menus and popovers opened from the row reach it through React, not the page.
        if (!event.currentTarget.contains(target) || target.closest(OWN_CLICK)) return;
        if (window.getSelection()?.toString()) return;
        panel.open(recordId);
      }}
      {...props}
    />
  );
}

/** Typing into a field, where J and K are letters. */
function isField(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

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
        inField: isField(event.target),
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
