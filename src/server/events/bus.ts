import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import type postgres from 'postgres';
import { z } from 'zod';
import type { Connection } from '@/server/db/connection';

export const EVENTS_CHANNEL = 'clientele_events';

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

type Listener = (event: ChangeEvent) => void;

/**
 * Fans committed changes out to this process's subscribers. The database is the bus: a trigger
 * NOTIFYs on commit, and every instance LISTENs (PostgreSQL), so a change made through one
 * instance reaches subscribers of all; PGlite delivers its notifications in process.
 *
 * When the LISTEN connection drops, postgres.js reconnects and listens again by itself; changes
 * committed meanwhile were announced to no one, so subscribers are then told to catch up from
 * the database.
 */
export class EventBus {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #gapListeners = new Set<() => void>();
  readonly #logger: Logger;
  #stop: (() => Promise<void>) | undefined;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  async start(connection: Connection): Promise<void> {
    const onPayload = (payload: string) => this.#dispatch(payload);
    if (connection.driver === 'pglite') {
      const unlisten = await (connection.client as PGlite).listen(EVENTS_CHANNEL, onPayload);
      this.#stop = () => unlisten();
      return;
    }
    let listened = false;
    // Called again each time postgres.js listens anew after a dropped connection.
    const onListen = () => {
      if (listened) this.#announceGap();
      listened = true;
    };
    const listening = await (connection.client as postgres.Sql).listen(
      EVENTS_CHANNEL,
      onPayload,
      onListen,
    );
    this.#stop = () => listening.unlisten();
  }

  #announceGap() {
    for (const onGap of this.#gapListeners) onGap();
  }

  /**
   * Calls onGap when changes may have been missed (the listener was away), so a subscriber can
   * read what it missed from the database, until the returned function is called.
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
    await this.#stop?.();
    this.#listeners.clear();
    this.#gapListeners.clear();
  }
}
