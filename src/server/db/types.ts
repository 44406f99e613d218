import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;

/** What both drivers (postgres.js and PGlite) have in common. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;

/** A transaction running as the tenant role with one organization set (see tenant.ts). */
export type TenantTx = Transaction & { readonly organizationId: string };

/** A transaction running as the identity role (sessions, users, memberships, API keys). */
export type IdentityTx = Transaction & { readonly identity: true };
