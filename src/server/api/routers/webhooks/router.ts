import { z } from 'zod';
import { idParam, page, uuid } from '@/schemas/common';
import {
  deliveryListInput,
  deliveryPage,
  MAX_WEBHOOK_ENDPOINTS,
  webhookCreateInput,
  webhookDeliveryOutput,
  webhookEndpointOutput,
  webhookSecretOutput,
  webhookUpdateInput,
} from '@/schemas/webhooks';
import {
  deleteEndpoint,
  getDelivery,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  markForRedelivery,
} from '@/server/db/repositories/webhooks';
import type { WebhookJob } from '@/server/domain/webhooks/deliver';
import { changeEndpoint, createEndpoint, rotateSecret } from '@/server/domain/webhooks/endpoints';
import { notFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure, router } from '../../trpc';

const tags = ['Webhooks'];
const permission = 'webhooks:manage' as const;

export const webhooksRouter = router({
  list: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'GET',
        path: '/webhooks',
        tags,
        summary: 'List webhook endpoints',
        description: "The organization's webhook endpoints, oldest first (at most 20).",
        protect: true,
      },
    })
    .input(z.object({}))
    .output(page(webhookEndpointOutput, MAX_WEBHOOK_ENDPOINTS))
    .query(async ({ ctx }) => ({ items: await listEndpoints(ctx.tx), nextCursor: null })),

  get: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'GET',
        path: '/webhooks/{id}',
        tags,
        summary: 'Get a webhook endpoint',
        description: 'One webhook endpoint; its secret is never shown again.',
        protect: true,
      },
    })
    .input(idParam)
    .output(webhookEndpointOutput)
    .query(async ({ ctx, input }) => {
      const endpoint = await getEndpoint(ctx.tx, input.id);
      if (!endpoint) throw notFound('Webhook endpoint');
      return endpoint;
    }),

  create: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'POST',
        path: '/webhooks',
        tags,
        summary: 'Create a webhook endpoint',
        description:
          'Events of the chosen types are POSTed to the URL, signed per Standard Webhooks with the ' +
          'secret returned here (and only here). Private, loopback and link-local addresses are refused.',
        protect: true,
      },
    })
    .input(webhookCreateInput)
    .output(webhookSecretOutput)
    .mutation(async ({ ctx, input }) => {
      const created = await createEndpoint(
        ctx.tx,
        ctx.services.secretBox,
        input,
        ctx.services.webhooks,
      );
      await ctx.audit({
        action: 'webhook.created',
        entityType: 'webhook_endpoint',
        entityId: created.endpoint.id,
        changes: { after: created.endpoint },
      });
      return created;
    }),

  update: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'PATCH',
        path: '/webhooks/{id}',
        tags,
        summary: 'Update a webhook endpoint',
        description: 'Changes the URL, description, event types or enabled flag.',
        protect: true,
      },
    })
    .input(webhookUpdateInput)
    .output(webhookEndpointOutput)
    .mutation(async ({ ctx, input }) => {
      const before = await getEndpoint(ctx.tx, input.id, true);
      if (!before) throw notFound('Webhook endpoint');
      assertIfMatch(ctx.ifMatch, webhookEndpointOutput, before);
      const { after, changed } = await changeEndpoint(ctx.tx, before, input, ctx.services.webhooks);
      if (!changed) {
        ctx.nothingChanged();
        return after;
      }
      await ctx.audit({
        action: 'webhook.updated',
        entityType: 'webhook_endpoint',
        entityId: after.id,
        changes: { before, after },
      });
      return after;
    }),

  delete: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'DELETE',
        path: '/webhooks/{id}',
        tags,
        summary: 'Delete a webhook endpoint',
        description:
          'Stops all deliveries to it, including scheduled retries, and removes its log.',
        protect: true,
      },
    })
    .input(idParam)
    .output(webhookEndpointOutput)
    .mutation(async ({ ctx, input }) => {
      if (ctx.ifMatch) {
        assertIfMatch(
          ctx.ifMatch,
          webhookEndpointOutput,
          await getEndpoint(ctx.tx, input.id, true),
        );
      }
      const endpoint = await deleteEndpoint(ctx.tx, input.id);
      if (!endpoint) throw notFound('Webhook endpoint');
      await ctx.audit({
        action: 'webhook.deleted',
        entityType: 'webhook_endpoint',
        entityId: endpoint.id,
        changes: { before: endpoint },
      });
      return endpoint;
    }),

  rotateSecret: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'POST',
        path: '/webhooks/{id}/rotate-secret',
        tags,
        summary: "Rotate an endpoint's signing secret",
        description:
          'Returns a new secret. For 24 hours deliveries carry signatures with both the new and ' +
          'the previous secret, so receivers can switch without dropping events.',
        protect: true,
      },
    })
    .input(idParam)
    .output(webhookSecretOutput)
    .mutation(async ({ ctx, input }) => {
      const rotated = await rotateSecret(ctx.tx, ctx.services.secretBox, input.id);
      await ctx.audit({
        action: 'webhook.secret_rotated',
        entityType: 'webhook_endpoint',
        entityId: rotated.endpoint.id,
      });
      return rotated;
    }),

  deliveries: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'GET',
        path: '/webhooks/{endpointId}/deliveries',
        tags,
        summary: "An endpoint's delivery log",
        description: 'Deliveries newest first, with the outcome of their last attempt.',
        protect: true,
      },
    })
    .input(deliveryListInput)
    .output(deliveryPage)
    .query(async ({ ctx, input }) => {
      if (!(await getEndpoint(ctx.tx, input.endpointId))) throw notFound('Webhook endpoint');
      return listDeliveries(ctx.tx, input);
    }),

  redeliver: organizationProcedure
    .meta({
      permission,
      openapi: {
        method: 'POST',
        path: '/webhooks/{endpointId}/deliveries/{id}/redeliver',
        tags,
        summary: 'Send a delivery again',
        description:
          'Schedules one more attempt now, whatever the delivery’s state. The event keeps its id, ' +
          'so receivers that deduplicate on `webhook-id` will see it as the same event.',
        protect: true,
      },
    })
    .input(z.object({ endpointId: uuid(), id: uuid() }))
    .output(webhookDeliveryOutput)
    .mutation(async ({ ctx, input }) => {
      const delivery = await getDelivery(ctx.tx, input.endpointId, input.id);
      if (!delivery) throw notFound('Delivery');
      await markForRedelivery(ctx.tx, delivery.id);
      const job: WebhookJob = {
        organizationId: ctx.organization.id,
        deliveryId: delivery.id,
        endpointId: input.endpointId,
        attempt: delivery.attempts + 1,
      };
      await ctx.services.jobs.enqueue(ctx.tx, 'webhook', job);
      await ctx.audit({
        action: 'webhook.redelivered',
        entityType: 'webhook_delivery',
        entityId: delivery.id,
      });
      return (await getDelivery(ctx.tx, input.endpointId, input.id))!;
    }),
});
