'use client';

import { BookmarkPlusIcon, ChevronDownIcon, EllipsisIcon } from 'lucide-react';
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
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { useOpenOnce } from '@/lib/use-open-once';
import { cn } from '@/lib/utils';
import type { ListedSavedView, SavedViewList, SavedViews } from '@/schemas/saved-views';
import { useSavedViews, type SavedViewsApi } from './use-saved-views';
import { viewHref, viewShowing, viewStateOf, type CanonicalQuery } from './view-query';

// The dialogs load when first opened, not with the list.
const ViewNameDialog = dynamic(
  () => import('./view-name-dialog').then((module) => module.ViewNameDialog),
  { ssr: false },
);
const ConfirmDestructiveDialog = dynamic(
  () =>
    import('@/components/confirm-destructive-dialog').then(
      (module) => module.ConfirmDestructiveDialog,
    ),
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

/** Saves what the list shows now as a new view, perhaps shared with the organization. */
function SaveViewDialog({
  open,
  onOpenChange,
  list,
  query,
  views,
  modifiedView,
  onSaved,
  finalFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  list: SavedViewList;
  query: string;
  views: SavedViewsApi;
  /** The view whose filters were changed, which the member may update instead. */
  modifiedView: ListedSavedView | undefined;
  onSaved: (view: { id: string }) => void;
  finalFocus: React.RefObject<HTMLElement | null>;
}) {
  return (
    <ViewNameDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Save view"
      description={
        modifiedView
          ? `Keep these filters and sorting as a new view. To change “${modifiedView.name}” instead, use its options.`
          : 'Keep these filters and sorting, to come back to them in one click.'
      }
      submitLabel="Save view"
      pendingLabel="Saving…"
      initial={{ name: '', shared: false }}
      askShared
      finalFocus={finalFocus}
      onSubmit={async ({ name, shared }) => {
        const view = await views.create.mutateAsync({
          list,
          name,
          shared,
          state: viewStateOf(query),
        });
        onOpenChange(false);
        onSaved(view);
        toast.success(`“${view.name}” was saved`);
      }}
    />
  );
}

/** What can be done with the view shown (or last applied, when its filters were changed). */
function ViewOptionsMenu({
  view,
  data,
  views,
  query,
  onDeleted,
  focusAfterDelete,
}: {
  view: ListedSavedView;
  data: SavedViews;
  views: SavedViewsApi;
  /** The list's query when it no longer shows the view: "Update" saves it into the view. */
  query: string | undefined;
  onDeleted: () => void;
  /** Where focus goes once the view (and this menu with it) is gone. */
  focusAfterDelete: React.RefObject<HTMLElement | null>;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const rename = useOpenOnce();
  const remove = useOpenOnce();
  const pinned = data.pinnedIds.includes(view.id);
  const isDefault = data.defaultId === view.id;

  function run(action: Promise<unknown>, done: string) {
    action.then(
      () => toast.success(done),
      (error: unknown) => toast.error(describeError(error)),
    );
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            ref={trigger}
            variant="ghost"
            size="icon"
            aria-label={`Options for the view ${view.name}`}
          >
            <EllipsisIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel className="truncate">{view.name}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {query !== undefined && view.editable ? (
            <DropdownMenuItem
              onSelect={() =>
                run(
                  views.update.mutateAsync({ id: view.id, state: viewStateOf(query) }),
                  `“${view.name}” now shows these filters`,
                )
              }
            >
              Update with the current filters
            </DropdownMenuItem>
          ) : null}
          <DropdownMenuItem
            onSelect={() =>
              run(
                views.pin.mutateAsync({ id: view.id, pinned: !pinned }),
                pinned ? `“${view.name}” is no longer a tab` : `“${view.name}” is now a tab`,
              )
            }
          >
            {pinned ? 'Unpin from the tabs' : 'Pin as a tab'}
          </DropdownMenuItem>
          <DropdownMenuItem
            onSelect={() =>
              run(
                views.setDefault.mutateAsync({ list: view.list, id: isDefault ? null : view.id }),
                isDefault
                  ? 'The list now opens without a view'
                  : `The list now opens with “${view.name}”`,
              )
            }
          >
            {isDefault ? 'Stop opening the list with it' : 'Open the list with it (my default)'}
          </DropdownMenuItem>
          {view.editable ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => rename.setOpen(true)}>Rename…</DropdownMenuItem>
              <DropdownMenuItem
                onSelect={() =>
                  run(
                    views.update.mutateAsync({ id: view.id, shared: !view.shared }),
                    view.shared
                      ? `“${view.name}” is no longer shared`
                      : `“${view.name}” is shared with the organization`,
                  )
                }
              >
                {view.shared ? 'Stop sharing' : 'Share with the organization'}
              </DropdownMenuItem>
              <DropdownMenuItem variant="destructive" onSelect={() => remove.setOpen(true)}>
                Delete…
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {rename.mounted ? (
        <ViewNameDialog
          {...rename.dialog}
          title="Rename view"
          description={
            view.shared
              ? 'Everyone in the organization sees the new name.'
              : 'Give the view a new name.'
          }
          submitLabel="Rename"
          pendingLabel="Renaming…"
          initial={{ name: view.name, shared: view.shared }}
          askShared={false}
          finalFocus={trigger}
          onSubmit={async ({ name }) => {
            await views.update.mutateAsync({ id: view.id, name });
            rename.setOpen(false);
            toast.success(`The view is now called “${name}”`);
          }}
        />
      ) : null}
      {remove.mounted ? (
        <ConfirmDestructiveDialog
          {...remove.dialog}
          title={`Delete the view “${view.name}”?`}
          description={
            view.shared
              ? 'It is gone for everyone in the organization. The records it showed stay as they are.'
              : 'The records it showed stay as they are.'
          }
          confirmLabel="Delete view"
          pendingLabel="Deleting…"
          finalFocus={focusAfterDelete}
          onConfirm={async () => {
            await views.remove.mutateAsync({ id: view.id });
            onDeleted();
            toast.success(`“${view.name}” was deleted`);
          }}
        />
      ) : null}
    </>
  );
}
