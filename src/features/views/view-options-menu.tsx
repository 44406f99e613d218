'use client';

import { EllipsisIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { useOpenOnce } from '@/lib/use-open-once';
import type { ListedSavedView, SavedViews } from '@/schemas/saved-views';
import type { SavedViewsApi } from './use-saved-views';
import { viewStateOf } from './view-query';

// The dialogs load when first opened.
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

/** What can be done with the view shown (or last applied, when its filters were changed). */
export function ViewOptionsMenu({
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
