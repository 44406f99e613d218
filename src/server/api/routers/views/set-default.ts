import { savedViewDefaultInput, savedViewPreferencesOutput } from '@/schemas/saved-views';
import {
  getViewPreferences,
  getVisibleView,
  saveViewPreferences,
} from '@/server/db/repositories/saved-views';
import { AppError, orNotFound } from '@/server/errors';
import { savedViewAudits } from './view-audits';
import { assertCanReadList, viewsProcedure } from './views-procedure';

/** The view a list opens with when its URL asks for nothing else; null for the plain list. */
export const setDefault = viewsProcedure
  .input(savedViewDefaultInput)
  .output(savedViewPreferencesOutput)
  .mutation(async ({ ctx, input }) => {
    assertCanReadList(ctx.organization, input.list);
    if (input.id) {
      const view = orNotFound(await getVisibleView(ctx.tx, ctx.userId, input.id), 'View');
      if (view.list !== input.list) {
        throw new AppError('BAD_REQUEST', `That view is not one of the ${input.list} list`);
      }
    }
    const preferences = await getViewPreferences(ctx.tx, ctx.userId, input.list, true);
    const previousId = preferences.defaultId;
    if (previousId === input.id) {
      ctx.nothingChanged();
      return { list: input.list, ...preferences };
    }
    const next = { ...preferences, defaultId: input.id };
    await saveViewPreferences(ctx.tx, ctx.userId, input.list, next);
    await ctx.audit(savedViewAudits.defaultChanged(input.list, previousId, input.id));
    return { list: input.list, ...next };
  });
