import type { SavedView } from '@/schemas/saved-views';
import { changedFields } from '@/server/domain/audit/changed-fields';

const entry = (
  action: `saved_view.${'created' | 'updated' | 'deleted' | 'pinned' | 'unpinned' | 'default_set' | 'default_cleared'}`,
  viewId: string,
  changes: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
) => ({ action, entityType: 'saved_view', entityId: viewId, changes }) as const;

const recorded = ({ list, name, shared, state, ownerUserId }: SavedView) => ({
  list,
  name,
  shared,
  state,
  ownerUserId,
});

/** The audit rows of saved views: changes to the views, and a member's pins and default. */
export const savedViewAudits = {
  created: (view: SavedView) => entry('saved_view.created', view.id, { after: recorded(view) }),
  updated: (before: SavedView, after: SavedView) =>
    entry('saved_view.updated', after.id, changedFields(recorded(before), recorded(after))),
  deleted: (view: SavedView) => entry('saved_view.deleted', view.id, { before: recorded(view) }),
  pinned: (view: SavedView, pinned: boolean) =>
    entry(pinned ? 'saved_view.pinned' : 'saved_view.unpinned', view.id, {
      after: { list: view.list, pinned },
    }),
  /** The member's default view of a list changed; the entry names the view chosen or given up. */
  defaultChanged: (list: SavedView['list'], previousId: string | null, nextId: string | null) =>
    entry(
      nextId ? 'saved_view.default_set' : 'saved_view.default_cleared',
      (nextId ?? previousId)!,
      {
        before: { list, defaultViewId: previousId },
        after: { list, defaultViewId: nextId },
      },
    ),
};
