import { savedViewListInput, savedViewsOutput } from '@/schemas/saved-views';
import { getViewPreferences, listVisibleViews } from '@/server/db/repositories/saved-views';
import { assertCanReadList, canEditView, viewsProcedure } from './views-procedure';

/** My views of a list and the organization's shared ones, with my pins and default among them. */
export const list = viewsProcedure
  .input(savedViewListInput)
  .output(savedViewsOutput)
  .query(async ({ ctx, input }) => {
    assertCanReadList(ctx.organization, input.list);
    const views = await listVisibleViews(ctx.tx, ctx.userId, input.list);
    const preferences = await getViewPreferences(ctx.tx, ctx.userId, input.list);
    // A pin or default of a view no longer shared with me (or deleted) is passed over.
    const visible = new Set(views.map((view) => view.id));
    return {
      views: views.map((view) => ({
        ...view,
        editable: canEditView(view, ctx.userId, ctx.organization),
      })),
      pinnedIds: preferences.pinnedIds.filter((id) => visible.has(id)),
      defaultId:
        preferences.defaultId && visible.has(preferences.defaultId) ? preferences.defaultId : null,
    };
  });
