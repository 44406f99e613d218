import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import postgres from 'postgres';
import { z } from 'zod';
import type { Connection } from '@/server/db/connection';
import { onAccessCommitted } from '@/server/db/tenant';

export const EVENTS_CHANNEL = 'clientele_events';
/** Where the database announces changes to who may do what (see the access triggers). */
export const ACCESS_CHANNEL = 'clientele_access';
/** Where the database announces a member's new (or regrouped) notification. */
export const NOTIFICATIONS_CHANNEL = 'clientele_notifications';

const notificationArrival = z.object({
  organizationId: z.uuid(),
  userId: z.uuid(),
  id: z.uuid(),
});
export type NotificationArrival = z.infer<typeof notificationArrival>;

/** What the database announces for each committed audit row of an organization. */
export const changeEvent = z.object({
  organizationId: z.uuid(),
  sequence: z.number().int(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  createdAt: z.string(),
});
export type ChangeEvent = z.infer<typeof changeEvent>;

/** A change that may have taken access away from, or narrowed it for, a principal. */
export const accessChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), id: z.string() }),
  z.object({ kind: z.literal('membership'), organizationId: z.uuid(), userId: z.uuid() }),
  z.object({ kind: z.literal('apiKey'), id: z.uuid() }),
  z.object({ kind: z.literal('organization'), id: z.uuid() }),
  z.object({ kind: z.literal('oauthApp'), id: z.uuid() }),
  z.object({ kind: z.literal('oauthGrant'), id: z.string() }),
]);
export type AccessChange = z.infer<typeof accessChange>;

/** The access change as one string: what a watcher of it is filed under. */
export const accessKey = (change: AccessChange) =>
  change.kind === 'membership'
    ? `membership:${change.organizationId}:${change.userId}`
    : `${change.kind}:${change.id}`;

type Listener = (event: ChangeEvent) => void;

/**
 * Fans committed changes out to this process's subscribers, and changes to who may do what to
 * the streams whose access they touch. The database is the bus: triggers NOTIFY on commit, and
 * every instance LISTENs (PostgreSQL), so a change made through one instance reaches
 * subscribers of all; PGlite delivers its notifications in process.
 *
 * When the LISTEN connection drops, postgres.js reconnects and listens again by itself; changes
 * committed meanwhile were announced to no one, so subscribers are then told to catch up from
 * the database.
 */
export class EventBus {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #accessWatchers = new Map<string, Set<() => void>>();
  readonly #gapListeners = new Set<() => void>();
  readonly #accessListeners = new Set<(change: AccessChange) => void>();
  readonly #inboxWatchers = new Map<string, Set<(arrival: NotificationArrival) => void>>();
  readonly #logger: Logger;
  #stop: (() => Promise<void>) | undefined;
  #stopHearingCommits: (() => void) | undefined;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  async start(connection: Connection): Promise<void> {
    const onChange = (payload: string) => this.#dispatch(payload);
    const onAccessChange = (payload: string) => this.#dispatchAccessChange(payload);
    const onNotification = (payload: string) => this.#dispatchNotification(payload);
    // This process's own commits are heard as they complete, before their NOTIFY arrives; too
    // many changes to list are heard as a gap. The commit is done by then: a subscriber that
    // fails must not fail the request that made it.
    this.#stopHearingCommits = onAccessCommitted((changes) => {
      try {
        if (changes === 'all') this.#announceGap();
        else changes.forEach(onAccessChange);
      } catch (error) {
        this.#logger.error({ err: error }, 'a subscriber to access changes failed');
      }
    });
    if (connection.driver === 'pglite') {
      const client = connection.client as PGlite;
      const unlisten = [
        await client.listen(EVENTS_CHANNEL, onChange),
        await client.listen(ACCESS_CHANNEL, onAccessChange),
        await client.listen(NOTIFICATIONS_CHANNEL, onNotification),
      ];
      this.#stop = async () => void (await Promise.all(unlisten.map((stop) => stop())));
      return;
    }
    // postgres.js listens to both channels on one connection, so announcements arrive in the
    // order they were committed whichever channel they are on. Behind a transaction pooler, a
    // LISTEN would lapse with its transaction: the listener then connects directly.
    const pooled = connection.sessionUrl !== connection.databaseUrl;
    const client = pooled
      ? postgres(connection.sessionUrl!, {
          onnotice: () => {},
          connection: { application_name: 'clientele-listener' },
        })
      : (connection.client as postgres.Sql);
    const listen = async (channel: string, onPayload: (payload: string) => void) => {
      let listened = false;
      // Called again each time postgres.js listens anew after a dropped connection.
      const onListen = () => {
        if (listened) this.#announceGap();
        listened = true;
      };
      return client.listen(channel, onPayload, onListen);
    };
    const listening = [
      await listen(EVENTS_CHANNEL, onChange),
      await listen(ACCESS_CHANNEL, onAccessChange),
      await listen(NOTIFICATIONS_CHANNEL, onNotification),
    ];
    this.#stop = async () => {
      await Promise.all(listening.map((one) => one.unlisten()));
      if (pooled) await client.end({ timeout: 5 });
    };
  }

  #announceGap() {
    for (const onGap of this.#gapListeners) onGap();
  }

  /**
   * Calls onGap when changes may have been missed (the listener was away), so a subscriber can
   * read what it missed from the database (changes, and changes to its access), until the
   * returned function is called.
   */
  onGap(onGap: () => void): () => void {
    this.#gapListeners.add(onGap);
    return () => this.#gapListeners.delete(onGap);
  }

  /** Calls listener for each change in the organization until the returned function is called. */
  subscribe(organizationId: string, listener: Listener): () => void {
    const set = this.#listeners.get(organizationId) ?? new Set<Listener>();
    set.add(listener);
    this.#listeners.set(organizationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(organizationId);
    };
  }

  /**
   * Calls onChange whenever the access of any of these (a session, a membership, a key) may have
   * changed, through any instance, until the returned function is called: so a stream re-checks
   * its principal's access only when that is at issue.
   */
  watchAccess(watched: AccessChange[], onChange: () => void): () => void {
    const keys = watched.map(accessKey);
    for (const key of keys) {
      const set = this.#accessWatchers.get(key) ?? new Set<() => void>();
      set.add(onChange);
      this.#accessWatchers.set(key, set);
    }
    return () => {
      for (const key of keys) {
        const set = this.#accessWatchers.get(key);
        set?.delete(onChange);
        if (set?.size === 0) this.#accessWatchers.delete(key);
      }
    };
  }

  /** Calls onChange with every change to access, until the returned function is called. */
  onAccessChange(onChange: (change: AccessChange) => void): () => void {
    this.#accessListeners.add(onChange);
    return () => this.#accessListeners.delete(onChange);
  }

  /** Calls onArrival for each new notification of one member, until the returned function is called. */
  watchInbox(
    organizationId: string,
    userId: string,
    onArrival: (arrival: NotificationArrival) => void,
  ): () => void {
    const key = `${organizationId}:${userId}`;
    const set = this.#inboxWatchers.get(key) ?? new Set();
    set.add(onArrival);
    this.#inboxWatchers.set(key, set);
    return () => {
      set.delete(onArrival);
      if (set.size === 0) this.#inboxWatchers.delete(key);
    };
  }

  #dispatchNotification(payload: string) {
    const parsed = notificationArrival.safeParse(JSON.parse(payload));
    if (!parsed.success) {
      this.#logger.warn('ignoring a malformed notification announcement');
      return;
    }
    const { organizationId, userId } = parsed.data;
    for (const onArrival of this.#inboxWatchers.get(`${organizationId}:${userId}`) ?? []) {
      onArrival(parsed.data);
    }
  }

  #dispatchAccessChange(payload: string) {
    const parsed = accessChange.safeParse(JSON.parse(payload));
    if (!parsed.success) {
      // Not the payload itself: it names sessions.
      this.#logger.warn('ignoring a malformed access change');
      return;
    }
    for (const onChange of this.#accessListeners) onChange(parsed.data);
    for (const onChange of this.#accessWatchers.get(accessKey(parsed.data)) ?? []) onChange();
  }

  #dispatch(payload: string) {
    const parsed = changeEvent.safeParse(JSON.parse(payload));
    if (!parsed.success) {
      this.#logger.warn({ payload }, 'ignoring a malformed change event');
      return;
    }
    for (const listener of this.#listeners.get(parsed.data.organizationId) ?? [])
      listener(parsed.data);
  }

  async stop(): Promise<void> {
    this.#stopHearingCommits?.();
    await this.#stop?.();
    this.#listeners.clear();
    this.#accessWatchers.clear();
    this.#gapListeners.clear();
    this.#accessListeners.clear();
    this.#inboxWatchers.clear();
  }
}
