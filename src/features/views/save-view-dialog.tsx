'use client';

import { toast } from '@/lib/toast';
import type { ListedSavedView, SavedViewList } from '@/schemas/saved-views';
import type { SavedViewsApi } from './use-saved-views';
import { ViewNameDialog } from './view-name-dialog';
import { viewStateOf } from './view-query';

/** Saves what the list shows now as a new view, perhaps shared with the organization. */
export function SaveViewDialog({
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
