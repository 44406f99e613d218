import {
  MAX_PINNED_VIEWS,
  savedViewPinInput,
  savedViewPreferencesOutput,
} from '@/schemas/saved-views';
import {
  getViewPreferences,
  getVisibleView,
  listVisibleViews,
  saveViewPreferences,
} from '@/server/db/repositories/saved-views';
import { AppError, orNotFound } from '@/server/errors';
import { savedViewAudits } from './view-audits';
import { viewsProcedure } from './views-procedure';

/** Pins a view I see as a tab of its list (after my other pins), or unpins it. */
export const pin = viewsProcedure
  .input(savedViewPinInput)
  .output(savedViewPreferencesOutput)
  .mutation(async ({ ctx, input }) => {
    const view = orNotFound(await getVisibleView(ctx.tx, ctx.userId, input.id), 'View');
    const preferences = await getViewPreferences(ctx.tx, ctx.userId, view.list, true);
    const visible = new Set(
      (await listVisibleViews(ctx.tx, ctx.userId, view.list)).map((shown) => shown.id),
    );
    const defaultId =
      preferences.defaultId && visible.has(preferences.defaultId) ? preferences.defaultId : null;
    const wasPinned = preferences.pinnedIds.includes(view.id);
    // Pins of views gone or no longer shared with me are dropped on the way.
    const others = preferences.pinnedIds.filter((id) => id !== view.id && visible.has(id));
    if (wasPinned === input.pinned) {
      ctx.nothingChanged();
      return {
        list: view.list,
        pinnedIds: preferences.pinnedIds.filter((id) => visible.has(id)),
        defaultId,
      };
    }
    if (input.pinned && others.length >= MAX_PINNED_VIEWS) {
      throw new AppError(
        'BAD_REQUEST',
        `At most ${MAX_PINNED_VIEWS} views can be pinned; unpin one first`,
      );
    }
    const pinnedIds = input.pinned ? [...others, view.id] : others;
    await saveViewPreferences(ctx.tx, ctx.userId, view.list, { ...preferences, pinnedIds });
    await ctx.audit(savedViewAudits.pinned(view, input.pinned));
    return { list: view.list, pinnedIds, defaultId };
  });
