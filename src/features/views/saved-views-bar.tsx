'use client';

import { BookmarkPlusIcon, ChevronDownIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useCurrentUserId } from '@/components/current-user-provider';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useOpenOnce } from '@/lib/use-open-once';
import { cn } from '@/lib/utils';
import type { ListedSavedView, SavedViewList, SavedViews } from '@/schemas/saved-views';
import { useSavedViews } from './use-saved-views';
import { viewHref, viewShowing, type CanonicalQuery } from './view-query';

// The dialog loads when first opened, not with the list.
const SaveViewDialog = dynamic(
  () => import('./save-view-dialog').then((module) => module.SaveViewDialog),
  { ssr: false },
);
// A view's options, once one is applied: most visits to a list show none.
const ViewOptionsMenu = dynamic(
  () => import('./view-options-menu').then((module) => module.ViewOptionsMenu),
  { ssr: false },
);

/**
 * The saved views of a list, above it: the pinned ones as tabs that open the list with their
 * filters, every view in a menu, "Save view" when the list shows something no view does, and
 * what can be done with the view shown. A list opened with nothing in its URL opens with the
 * member's default view.
 */
export function SavedViewsBar({
  list,
  plainLabel,
  canonicalQuery,
}: {
  list: SavedViewList;
  /** The tab of the list with no view applied: "All customers". */
  plainLabel: string;
  /** The list's own query for a URL's params (see `CanonicalQuery`); a module's constant. */
  canonicalQuery: CanonicalQuery;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const searchParams = useSearchParams();
  const views = useSavedViews(list);
  const data = views.query.data;
  const query = canonicalQuery(new URLSearchParams(searchParams.toString()));
  // The view last applied here, so its options stay at hand while its filters are changed.
  const [appliedId, setAppliedId] = useState<string | null>(null);
  const saving = useOpenOnce();
  const viewsMenuTrigger = useRef<HTMLButtonElement>(null);

  useApplyDefaultView(data, searchParams.size === 0, (view) =>
    router.replace(viewHref(pathname, view.state, canonicalQuery), { scroll: false }),
  );

  const all = data?.views ?? [];
  const shown = viewShowing(all, query, canonicalQuery);
  const current = shown ?? all.find((view) => view.id === appliedId);
  const hrefOf = (view: ListedSavedView) => viewHref(pathname, view.state, canonicalQuery);
  const pinned = (data?.pinnedIds ?? []).flatMap((id) => all.find((view) => view.id === id) ?? []);

  return (
    <div className="flex min-h-9 flex-wrap items-center justify-between gap-2">
      <nav aria-label="Saved views" className="min-w-0 max-w-full overflow-x-auto">
        <ul className="flex items-center gap-1 border-b">
          <ViewTab
            href={pathname}
            active={query === '' && !shown}
            onClick={() => setAppliedId(null)}
          >
            {plainLabel}
          </ViewTab>
          {pinned.map((view) => (
            <ViewTab
              key={view.id}
              href={hrefOf(view)}
              active={shown?.id === view.id}
              onClick={() => setAppliedId(view.id)}
            >
              {view.name}
            </ViewTab>
          ))}
        </ul>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        {query !== '' && !shown && data ? (
          <Button variant="outline" onClick={() => saving.setOpen(true)}>
            <BookmarkPlusIcon aria-hidden="true" />
            Save view
          </Button>
        ) : null}
        <ViewsMenu
          views={all}
          loaded={data !== undefined}
          hrefOf={hrefOf}
          shownId={shown?.id}
          onApply={setAppliedId}
          triggerRef={viewsMenuTrigger}
        />
        {current && data ? (
          <ViewOptionsMenu
            view={current}
            data={data}
            views={views}
            query={shown ? undefined : query}
            onDeleted={() => {
              setAppliedId(null);
              if (shown) router.replace(pathname, { scroll: false });
              // The view's menu goes with it; focus stays in the bar.
              viewsMenuTrigger.current?.focus();
            }}
            focusAfterDelete={viewsMenuTrigger}
          />
        ) : null}
      </div>
      {saving.mounted ? (
        <SaveViewDialog
          {...saving.dialog}
          list={list}
          query={query}
          views={views}
          modifiedView={current?.editable ? current : undefined}
          onSaved={(view) => setAppliedId(view.id)}
          // The "Save view" button goes once the list shows the saved view.
          finalFocus={viewsMenuTrigger}
        />
      ) : null}
    </div>
  );
}

/** Opens the list with the member's default view, once, when its URL asks for nothing. */
function useApplyDefaultView(
  data: SavedViews | undefined,
  plainUrl: boolean,
  apply: (view: ListedSavedView) => void,
) {
  const decided = useRef(false);
  // Only the URL the list was opened with counts: clearing the filters later shows the plain list.
  const openedPlain = useRef(plainUrl);
  useEffect(() => {
    if (decided.current || !data) return;
    decided.current = true;
    const view = data.views.find((candidate) => candidate.id === data.defaultId);
    if (openedPlain.current && view) apply(view);
  }, [data, apply]);
}

function ViewTab({
  href,
  active,
  onClick,
  children,
}: {
  href: string;
  active: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <li>
      <Link
        href={href}
        scroll={false}
        onClick={onClick}
        aria-current={active ? 'page' : undefined}
        className={cn(
          '-mb-px inline-flex h-9 items-center border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-muted-foreground hover:text-foreground focus-visible:rounded-sm focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none',
          active && 'border-primary text-foreground',
        )}
      >
        {children}
      </Link>
    </li>
  );
}

/** Every view of the list, mine first, then those shared with the organization. */
function ViewsMenu({
  views,
  loaded,
  hrefOf,
  shownId,
  onApply,
  triggerRef,
}: {
  views: ListedSavedView[];
  loaded: boolean;
  hrefOf: (view: ListedSavedView) => string;
  shownId: string | undefined;
  onApply: (id: string) => void;
  triggerRef: React.RefObject<HTMLButtonElement | null>;
}) {
  const me = useCurrentUserId();
  const mine = views.filter((view) => view.ownerUserId === me);
  const team = views.filter((view) => view.ownerUserId !== me);
  const group = (label: string, items: ListedSavedView[]) =>
    items.length > 0 ? (
      <DropdownMenuGroup>
        <DropdownMenuLabel className="text-xs text-muted-foreground">{label}</DropdownMenuLabel>
        {items.map((view) => (
          <DropdownMenuItem key={view.id} asChild>
            <Link
              href={hrefOf(view)}
              scroll={false}
              aria-current={view.id === shownId ? 'page' : undefined}
              onClick={() => onApply(view.id)}
            >
              <span className="truncate">{view.name}</span>
              {view.shared && view.ownerUserId === me ? (
                <span className="ml-auto text-xs text-muted-foreground">Shared</span>
              ) : null}
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuGroup>
    ) : null;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button ref={triggerRef} variant="outline">
          Views
          <ChevronDownIcon aria-hidden="true" className="opacity-50" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        {views.length === 0 ? (
          <DropdownMenuItem disabled>
            {loaded ? 'No saved views yet' : 'Loading views…'}
          </DropdownMenuItem>
        ) : null}
        {group('My views', mine)}
        {mine.length > 0 && team.length > 0 ? <DropdownMenuSeparator /> : null}
        {group('Shared with the team', team)}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
