import { timelineListInput, timelinePage } from '@/schemas/timeline';
import { listTimeline } from '@/server/domain/timeline/list-timeline';
import { timelineScope } from '@/server/domain/timeline/timeline-record';
import { organizationProcedure } from '../../trpc';

/**
 * A customer's, company's or deal's timeline: interactions, orders, deals, tasks and changes
 * to its fields, newest first, of the types asked for that the caller may read.
 */
export const list = organizationProcedure
  .meta({ permission: 'interactions:read' })
  .input(timelineListInput)
  .output(timelinePage)
  .query(async ({ ctx, input }) => {
    const role = ctx.organization.role;
    const scope = await timelineScope(ctx.tx, role, input.recordType, input.recordId);
    return listTimeline(ctx.tx, scope, role, input);
  });
