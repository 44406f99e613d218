import { idParam, uuid } from '@/schemas/common';
import {
  orderCreateInput,
  orderLinesInput,
  orderListInput,
  orderOutput,
  orderPage,
  orderStatusInput,
} from '@/schemas/orders';
import { getCustomer } from '@/server/db/repositories/customers';
import { getOrder, listOrders } from '@/server/db/repositories/orders';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { changeOrderLines, changeOrderStatus, createOrder } from '@/server/domain/orders/orders';
import { notFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure, router } from '../../trpc';

const tags = ['Orders'];

export const ordersRouter = router({
  list: organizationProcedure
    .meta({
      permission: 'orders:read',
      openapi: {
        method: 'GET',
        path: '/orders',
        tags,
        summary: 'List orders',
        description: "The organization's orders, newest first, by status, customer and date.",
        protect: true,
      },
    })
    .input(orderListInput)
    .output(orderPage)
    .query(({ ctx, input }) => listOrders(ctx.tx, input)),

  listForCustomer: organizationProcedure
    .meta({
      permission: 'orders:read',
      openapi: {
        method: 'GET',
        path: '/customers/{customerId}/orders',
        tags,
        summary: "A customer's orders",
        description:
          "One customer's orders, newest first, with the same filters as the order list.",
        protect: true,
      },
    })
    .input(orderListInput.omit({ customerId: true }).extend({ customerId: uuid() }))
    .output(orderPage)
    .query(async ({ ctx, input }) => {
      if (!(await getCustomer(ctx.tx, input.customerId))) throw notFound('Customer');
      return listOrders(ctx.tx, input);
    }),

  get: organizationProcedure
    .meta({
      permission: 'orders:read',
      openapi: {
        method: 'GET',
        path: '/orders/{id}',
        tags,
        summary: 'Get an order',
        description: 'One order with its lines and totals.',
        protect: true,
      },
    })
    .input(idParam)
    .output(orderOutput)
    .query(async ({ ctx, input }) => {
      const order = await getOrder(ctx.tx, input.id);
      if (!order) throw notFound('Order');
      return order;
    }),

  create: organizationProcedure
    .meta({
      permission: 'orders:write',
      openapi: {
        method: 'POST',
        path: '/customers/{customerId}/orders',
        tags,
        summary: 'Create an order',
        description:
          'A draft order with its lines; line totals and the order total are computed by the server.',
        protect: true,
      },
    })
    .input(orderCreateInput)
    .output(orderOutput)
    .mutation(async ({ ctx, input }) => {
      const order = await createOrder(ctx.tx, input);
      await ctx.audit({
        action: 'order.created',
        entityType: 'order',
        entityId: order.id,
        changes: { after: order },
        publish: { data: order, customerId: order.customerId },
      });
      return order;
    }),

  updateLines: organizationProcedure
    .meta({
      permission: 'orders:write',
      openapi: {
        method: 'PUT',
        path: '/orders/{id}/lines',
        tags,
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
      if (!changed) {
        ctx.nothingChanged();
        return after;
      }
      await ctx.audit({
        action: 'order.lines_changed',
        entityType: 'order',
        entityId: after.id,
        changes: changedFields(before, after),
        publish: { data: after, customerId: after.customerId },
      });
      return after;
    }),

  setStatus: organizationProcedure
    .meta({
      permission: 'orders:write',
      openapi: {
        method: 'POST',
        path: '/orders/{id}/status',
        tags,
        summary: "Change an order's status",
        description:
          'draft → placed → paid → fulfilled; cancelled from draft or placed. Any other change is refused (409).',
        protect: true,
      },
    })
    .input(orderStatusInput)
    .output(orderOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await changeOrderStatus(ctx.tx, input);
      await ctx.audit({
        action: 'order.status_changed',
        entityType: 'order',
        entityId: after.id,
        changes: { before: { status: before.status }, after: { status: after.status } },
        publish: {
          data: { ...after, previousStatus: before.status },
          customerId: after.customerId,
        },
      });
      return after;
    }),
});
