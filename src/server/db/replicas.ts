import type { Database } from './types';

/** A Database made by Drizzle's withReplicas: the primary and its read replicas. */
type WithReplicas = Database & { $primary: Database; $replicas: Database[] };

const hasReplicas = (db: Database): db is WithReplicas =>
  Array.isArray((db as Partial<WithReplicas>).$replicas);

/**
 * The primary. Lookups that must see the latest commit (a session made a moment ago on another
 * instance, a key revoked a moment ago) read here, never from a replica that may lag.
 */
export function primaryOf(db: Database): Database {
  return hasReplicas(db) ? db.$primary : db;
}

/** A replica chosen at random for a read-only transaction, or the database itself without any. */
export function replicaOf(db: Database): Database {
  if (!hasReplicas(db)) return db;
  return db.$replicas[Math.floor(Math.random() * db.$replicas.length)]!;
}

export const usesReplicas = (db: Database): boolean => hasReplicas(db);
