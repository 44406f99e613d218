'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { TableRow } from '@/components/ui/table';
import { uuidParam } from '@/lib/url-params';
import { cn } from '@/lib/utils';
import { INLINE_CELL_ATTRIBUTE } from './inline-cell';
import { neighbourId, type Step } from './inline-navigation';

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
