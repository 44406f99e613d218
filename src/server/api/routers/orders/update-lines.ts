import { orderLinesInput, orderOutput } from '@/schemas/orders';
import { getOrder } from '@/server/db/repositories/orders';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { changeOrderLines } from '@/server/domain/orders/orders';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';

export const updateLines = organizationProcedure
  .meta({
    permission: 'orders:write',
    openapi: {
      method: 'PUT',
      path: '/orders/{id}/lines',
      tags: ['Orders'],
      summary: "Replace a draft order's lines",
      description:
        'Replaces all lines of a draft order; totals are computed again. Orders past draft are refused (409).',
      protect: true,
      errorResponses: { 409: 'The order is no longer a draft.' },
    },
  })
  .input(orderLinesInput)
  .output(orderOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.ifMatch)
      assertIfMatch(ctx.ifMatch, orderOutput, await getOrder(ctx.tx, input.id, true));
    const { before, after, changed } = await changeOrderLines(ctx.tx, input);
    await ctx.auditChange(changed, {
      action: 'order.lines_changed',
      entityType: 'order',
      entityId: after.id,
      changes: changedFields(before, after),
      publish: { data: after, customerId: after.customerId },
    });
    return after;
  });
