import { eventListInput, eventPage } from '@/schemas/events';
import { listEvents } from '@/server/db/repositories/events';
import { readableEventTypes } from '@/server/domain/events/visibility';
import { organizationProcedure } from '../../trpc';

/** The change feed: what webhooks deliver, kept 30 days, to catch up after missed deliveries. */
export const list = organizationProcedure
  .meta({
    permission: 'customers:read',
    openapi: {
      method: 'GET',
      path: '/events',
      tags: ['Events'],
      summary: 'The change feed',
      description:
        'Every event of the last 30 days, oldest first: the same events webhooks deliver, ' +
        'deletions and erasures included as tombstones. To catch up, pass the id of the last ' +
        'event you processed as `after` and page through with `cursor` until `nextCursor` is null.',
      protect: true,
    },
  })
  .input(eventListInput)
  .output(eventPage)
  .query(({ ctx, input }) =>
    listEvents(ctx.tx, { ...input, type: readableEventTypes(ctx.organization.role, input.type) }),
  );
