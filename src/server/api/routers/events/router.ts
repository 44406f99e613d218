import { can, type Role } from '@/schemas/permissions';
import { eventListInput, eventPage, EVENT_TYPES, type EventType } from '@/schemas/events';
import { listEvents } from '@/server/db/repositories/events';
import { organizationProcedure, router } from '../../trpc';
import { changes } from './changes';

/** Event types whose data a role may read (imports are for those who may import). */
const readableEventTypes = (role: Role, wanted: EventType[] | undefined) =>
  (wanted ?? EVENT_TYPES).filter((type) =>
    can(role, type.startsWith('customer_import.') ? 'data:import' : 'customers:read'),
  );

export const eventsRouter = router({
  /** The change feed: what webhooks deliver, kept 30 days, to catch up after missed deliveries. */
  list: organizationProcedure
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
    ),

  changes,
});
