import { tracked } from '@trpc/server';
import { z } from 'zod';
import { can, type Permission, type Role } from '@/schemas/permissions';
import { changeEventsAfter, latestChangeSequence } from '@/server/db/repositories/audit-logs';
import { withTenant } from '@/server/db/tenant';
import type { ChangeEvent } from '@/server/events/bus';
import { organizationStreamProcedure } from '../../trpc';

/** Who may hear about a change: the permission to read what changed. */
const PERMISSION_BY_ENTITY: Record<string, Permission> = {
  customer: 'customers:read',
  customer_erasure: 'customers:read',
  customer_import: 'data:import',
  interaction: 'interactions:read',
  order: 'orders:read',
  membership: 'members:read',
  organization: 'members:read',
  invitation: 'members:manage',
  api_key: 'api-keys:manage',
  webhook_endpoint: 'webhooks:manage',
  webhook_delivery: 'webhooks:manage',
};

const mayHear = (role: Role, event: Pick<ChangeEvent, 'entityType'>) =>
  can(role, PERMISSION_BY_ENTITY[event.entityType] ?? 'audit:read');

const REPLAY_PAGE = 500;

export const changeOutput = z.object({
  sequence: z.number().int(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  createdAt: z.string(),
});
export type Change = z.infer<typeof changeOutput>;

/**
 * The organization's changes as they commit (server-sent events), each with its audit
 * sequence as event id; a client that reconnects with `lastEventId` first gets what it missed.
 */
export const changes = organizationStreamProcedure
  .meta({ permission: 'members:read' })
  .input(z.object({ lastEventId: z.string().regex(/^\d+$/).nullish() }).optional())
  .subscription(async function* ({ ctx, input, signal }) {
    const { organization } = ctx;
    const queue: ChangeEvent[] = [];
    let wake: (() => void) | undefined;
    let missedSome = false;
    const unsubscribe = ctx.services.events.subscribe(organization.id, (event) => {
      queue.push(event);
      wake?.();
    });
    const unwatchGaps = ctx.services.events.onGap(() => {
      missedSome = true;
      wake?.();
    });
    try {
      // Where this stream stands: the client's last event, else the latest change now.
      let last = input?.lastEventId
        ? Number(input.lastEventId)
        : await withTenant(ctx.db, organization.id, latestChangeSequence, { readOnly: true });
      // What was committed after `last` and not heard: on resuming, and after the listener
      // was away.
      const replay = async function* () {
        for (;;) {
          const missed = await withTenant(
            ctx.db,
            organization.id,
            (tx) => changeEventsAfter(tx, last, REPLAY_PAGE),
            { readOnly: true },
          );
          for (const event of missed) {
            const change = {
              ...event,
              sequence: event.sequence ?? 0,
              createdAt: event.createdAt.toISOString(),
            };
            last = change.sequence;
            if (mayHear(organization.role, change)) {
              yield tracked(String(change.sequence), change);
            }
          }
          if (missed.length < REPLAY_PAGE) return;
        }
      };
      if (input?.lastEventId) yield* replay();
      while (!signal?.aborted) {
        if (missedSome) {
          missedSome = false;
          yield* replay();
        }
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            signal?.addEventListener('abort', () => resolve(), { once: true });
          });
          wake = undefined;
        }
        for (let event = queue.shift(); event; event = queue.shift()) {
          if (event.sequence <= last) continue;
          last = event.sequence;
          if (mayHear(organization.role, event)) {
            const { organizationId: _organizationId, ...change } = event;
            yield tracked(String(event.sequence), change);
          }
        }
      }
    } finally {
      unsubscribe();
      unwatchGaps();
    }
  });
