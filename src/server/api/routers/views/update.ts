import { savedViewOutput, savedViewUpdateInput } from '@/schemas/saved-views';
import { refuseUnique } from '@/server/db/repositories/pg-errors';
import { getVisibleView, updateView } from '@/server/db/repositories/saved-views';
import { changesTo } from '@/server/db/repositories/changes';
import { orNotFound } from '@/server/errors';
import { DUPLICATE_VIEW_NAME, duplicateViewName } from './create';
import { savedViewAudits } from './view-audits';
import { checkedViewState } from './view-state';
import { assertCanEditView, viewsProcedure } from './views-procedure';

/** Renames a view, changes what it shows, or shares it or stops sharing it. */
export const update = viewsProcedure
  .input(savedViewUpdateInput)
  .output(savedViewOutput)
  .mutation(async ({ ctx, input }) => {
    const { id, state, ...values } = input;
    const before = orNotFound(await getVisibleView(ctx.tx, ctx.userId, id, true), 'View');
    assertCanEditView(before, ctx.userId, ctx.organization);
    const changes = changesTo(before, {
      ...values,
      ...(state === undefined ? {} : { state: checkedViewState(before.list, state) }),
    });
    if (Object.keys(changes).length === 0) {
      ctx.nothingChanged();
      return before;
    }
    await refuseUnique(DUPLICATE_VIEW_NAME, duplicateViewName, () =>
      updateView(ctx.tx, id, changes),
    );
    // An admin who stops sharing another's view no longer sees it; it is still theirs.
    const after = (await getVisibleView(ctx.tx, before.ownerUserId, id)) ?? before;
    await ctx.audit(savedViewAudits.updated(before, after));
    return after;
  });
