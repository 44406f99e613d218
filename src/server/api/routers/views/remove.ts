import { idParam } from '@/schemas/common';
import { savedViewOutput } from '@/schemas/saved-views';
import { deleteView, getVisibleView } from '@/server/db/repositories/saved-views';
import { orNotFound } from '@/server/errors';
import { savedViewAudits } from './view-audits';
import { assertCanEditView, viewsProcedure } from './views-procedure';

/** Deletes a view for everyone it was shared with; their pins of it go with it. */
export const remove = viewsProcedure
  .input(idParam)
  .output(savedViewOutput)
  .mutation(async ({ ctx, input }) => {
    const view = orNotFound(await getVisibleView(ctx.tx, ctx.userId, input.id, true), 'View');
    assertCanEditView(view, ctx.userId, ctx.organization);
    await deleteView(ctx.tx, view.id);
    await ctx.audit(savedViewAudits.deleted(view));
    return view;
  });
