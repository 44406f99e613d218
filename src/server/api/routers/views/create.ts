import { MAX_OWN_VIEWS, savedViewCreateInput, savedViewOutput } from '@/schemas/saved-views';
import { refuseUnique } from '@/server/db/repositories/pg-errors';
import { countOwnViews, getVisibleView, insertView } from '@/server/db/repositories/saved-views';
import { AppError, conflictOn, orNotFound } from '@/server/errors';
import { savedViewAudits } from './view-audits';
import { checkedViewState } from './view-state';
import { assertCanReadList, viewsProcedure } from './views-procedure';

export const DUPLICATE_VIEW_NAME = 'saved_views_name_unique';
export const duplicateViewName = () =>
  conflictOn('name', 'You already have a view of this list with that name');

export const create = viewsProcedure
  .input(savedViewCreateInput)
  .output(savedViewOutput)
  .mutation(async ({ ctx, input }) => {
    assertCanReadList(ctx.organization, input.list);
    const state = checkedViewState(input.list, input.state);
    if ((await countOwnViews(ctx.tx, ctx.userId, input.list)) >= MAX_OWN_VIEWS) {
      throw new AppError(
        'BAD_REQUEST',
        `You can keep at most ${MAX_OWN_VIEWS} views of a list; delete one first`,
      );
    }
    const id = await refuseUnique(DUPLICATE_VIEW_NAME, duplicateViewName, () =>
      insertView(ctx.tx, ctx.userId, { ...input, state }),
    );
    const view = orNotFound(await getVisibleView(ctx.tx, ctx.userId, id), 'View');
    await ctx.audit(savedViewAudits.created(view));
    return view;
  });
