import { tracked, TRPCError } from '@trpc/server';
import { changeStreamInput } from '@/schemas/events';
import { can, type Permission } from '@/schemas/permissions';
import { changeEventsAfter, latestChangeSequence } from '@/server/db/repositories/audit-logs';
import { withTenant } from '@/server/db/tenant';
import { mayHear } from '@/server/domain/events/visibility';
import type { AccessChange, ChangeEvent, NotificationArrival } from '@/server/events/bus';
import type { Principal } from '../../context';
import { toTRPCError } from '../../errors';
import { currentAccess } from '../../principal';
import { organizationStreamProcedure } from '../../trpc';
import { personOf } from '../acting-member';

const STREAM_PERMISSION: Permission = 'members:read';
const REPLAY_PAGE = 500;

/**
 * An open stream re-checks its caller's access when the database announces a change to it
 * (at once, on every instance), when its session or key expires, after the listener was away,
 * and otherwise this often, as a safety net.
 */
export const ACCESS_RECHECK_INTERVAL_MS = 60_000;

/** A change as a stream delivers it: the bus's event, without the organization it concerns. */
export type Change = Omit<ChangeEvent, 'organizationId'>;

/** The announcements that may concern the principal's access to the organization. */
function accessOf(principal: Principal, organizationId: string): AccessChange[] {
  switch (principal.kind) {
    case 'apiKey':
      return [{ kind: 'apiKey', id: principal.apiKeyId }];
    case 'oauth':
      // Grants and apps are re-checked every ACCESS_RECHECK_INTERVAL_MS.
      return principal.userId
        ? [{ kind: 'membership', organizationId, userId: principal.userId }]
        : [];
    case 'user':
      return [
        { kind: 'session', id: principal.sessionId },
        { kind: 'membership', organizationId, userId: principal.userId },
      ];
  }
}

/**
 * In the order they happened: a change to hear, a change to the caller's access, a gap, a new
 * notification for the caller.
 */
type Arrival =
  | { kind: 'change'; event: ChangeEvent }
  | { kind: 'access' }
  | { kind: 'gap' }
  | { kind: 'notification'; arrival: NotificationArrival };

/**
 * The organization's changes as they commit (server-sent events), each with its audit
 * sequence as event id; a client that reconnects with `lastEventId` first gets what it missed.
 * Each change is filtered by what the caller may read now: a demotion narrows the stream from
 * the next change on, and a sign-out, a removal or a revoked or expired key ends it with 401 or
 * 403, which the client does not retry.
 */
export const changes = organizationStreamProcedure
  .meta({ permission: STREAM_PERMISSION })
  .input(changeStreamInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const { organization, principal } = ctx;
    const arrivals: Arrival[] = [];
    let wake: (() => void) | undefined;
    const arrive = (arrival: Arrival) => {
      arrivals.push(arrival);
      wake?.();
    };
    signal?.addEventListener('abort', () => wake?.(), { once: true });

    // One re-check waiting is enough: it reads the access as it is when it runs.
    let recheckWaiting = false;
    const recheckAccess = () => {
      if (recheckWaiting) return;
      recheckWaiting = true;
      arrive({ kind: 'access' });
    };
    const unsubscribe = ctx.services.events.subscribe(organization.id, (event) =>
      arrive({ kind: 'change', event }),
    );
    const unwatchAccess = ctx.services.events.watchAccess(
      accessOf(principal, organization.id),
      recheckAccess,
    );
    const unwatchGaps = ctx.services.events.onGap(() => arrive({ kind: 'gap' }));
    const person = personOf(principal);
    const unwatchInbox = person
      ? ctx.services.events.watchInbox(organization.id, person, (arrival) =>
          arrive({ kind: 'notification', arrival }),
        )
      : () => undefined;

    let role = organization.role;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const checkAccess = async () => {
      recheckWaiting = false;
      const access = await currentAccess(ctx.db, principal, organization.id).catch(
        (error: unknown) => {
          throw toTRPCError(error);
        },
      );
      if (!can(access.role, STREAM_PERMISSION)) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `The ${access.role} role does not allow ${STREAM_PERMISSION}`,
        });
      }
      role = access.role;
      const untilExpiry = access.expiresAt ? access.expiresAt.getTime() - Date.now() : Infinity;
      clearTimeout(timer);
      timer = setTimeout(
        recheckAccess,
        Math.max(0, Math.min(untilExpiry, ACCESS_RECHECK_INTERVAL_MS)),
      );
    };

    try {
      // Where this stream stands: the client's last event, else the latest change now.
      let last = input?.lastEventId
        ? Number(input.lastEventId)
        : await withTenant(ctx.db, organization.id, latestChangeSequence, { readOnly: true });
      // Access may have changed since the request started, before anything above listened.
      await checkAccess();
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
            if (mayHear(role, change)) {
              yield tracked(String(change.sequence), change);
            }
          }
          if (missed.length < REPLAY_PAGE) return;
        }
      };
      if (input?.lastEventId) yield* replay();
      while (!signal?.aborted) {
        const arrival = arrivals.shift();
        if (!arrival) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (arrival.kind === 'access') {
          // Announced before any change committed after it, so none of those is heard with
          // the access this stream had before.
          await checkAccess();
        } else if (arrival.kind === 'gap') {
          await checkAccess();
          yield* replay();
        } else if (arrival.kind === 'notification') {
          // Not a change of the trail: it carries the last change's id, so a resumed stream
          // starts where it would have anyway (and the inbox is read afresh).
          yield tracked(String(last), {
            sequence: last,
            action: 'notification.delivered',
            entityType: 'notification',
            entityId: arrival.arrival.id,
            actorType: 'system',
            actorId: null,
            createdAt: new Date().toISOString(),
          } satisfies Change);
        } else if (arrival.event.sequence > last) {
          const { organizationId: _organizationId, ...change } = arrival.event;
          last = change.sequence;
          if (mayHear(role, change)) yield tracked(String(change.sequence), change);
        }
      }
    } finally {
      clearTimeout(timer);
      unsubscribe();
      unwatchAccess();
      unwatchGaps();
      unwatchInbox();
    }
  });
