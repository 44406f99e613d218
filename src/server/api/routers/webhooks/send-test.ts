import { idParam } from '@/schemas/common';
import { webhookTestOutput } from '@/schemas/webhooks';
import { endpointToTest } from '@/server/db/repositories/webhooks';
import { logTestEvent, sendTestEvent } from '@/server/domain/webhooks/test-event';
import { orNotFound } from '@/server/errors';
import { inOrganization } from '../../authorize';
import { markWrite } from '../../read-your-writes';
import { organizationStreamProcedure } from '../../trpc';

/**
 * Unlike other mutations this one holds no transaction open while it waits for the receiver
 * (up to ten seconds): it reads the endpoint in one, sends, then logs the attempt and its audit
 * row together in a second.
 */
export const sendTest = organizationStreamProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'POST',
      path: '/webhooks/{id}/test',
      tags: ['Webhooks'],
      summary: 'Send a test event',
      description:
        'Sends the endpoint a `webhook.test` event now, signed like every delivery (whatever ' +
        'its event types, and even while it is disabled), waits for the answer and returns it. ' +
        'The test is kept in the delivery log; it is not retried.',
      protect: true,
    },
  })
  .input(idParam)
  .output(webhookTestOutput)
  .mutation(async ({ ctx, input }) => {
    const endpoint = orNotFound(
      await inOrganization(ctx, ctx, { db: ctx.db, readOnly: true }, (tx) =>
        endpointToTest(tx, input.id),
      ),
      'Webhook endpoint',
    );
    const sent = await sendTestEvent(ctx.services.secretBox, endpoint, ctx.services.webhooks);
    const delivery = await inOrganization(
      ctx,
      ctx,
      { db: ctx.db, readOnly: false },
      async (tx, audit) => {
        const auditLogId = await audit({
          action: 'webhook.tested',
          entityType: 'webhook_endpoint',
          entityId: endpoint.id,
          changes: {
            after: {
              eventId: sent.event.id,
              responseStatus: sent.outcome.responseStatus,
              error: sent.outcome.error,
            },
          },
        });
        return logTestEvent(tx, auditLogId!, sent);
      },
    );
    markWrite(ctx);
    const { ok, responseStatus, durationMs, error } = sent.outcome;
    return { ok, responseStatus, durationMs, error, event: sent.event, delivery };
  });
