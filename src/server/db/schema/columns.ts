import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

/** Millisecond precision, so a timestamp survives the round trip through a JS Date (and a cursor). */
export const timestamptz = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

/** When a row was created and last updated. */
export const timestamps = () => ({
  createdAt: createdAt(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** Bumped by every write, for optimistic updates (`expectedVersion`). */
export const version = () => integer('version').notNull().default(1);

/**
 * What a record people edit and delete keeps about itself: its version, when it was created
 * and last updated, and when it was soft-deleted (gone from reads, restorable), if it was.
 */
export const editableRecord = () => ({
  version: version(),
  ...timestamps(),
  deletedAt: timestamptz('deleted_at'),
});

/** The row this one belongs to, and is deleted with. */
export const belongsTo = <Name extends string>(name: Name, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target, { onDelete: 'cascade' });

/** A row this one may point at; the link is cleared when that row is deleted. */
export const refersTo = <Name extends string>(name: Name, target: () => AnyPgColumn) =>
  uuid(name).references(target, { onDelete: 'set null' });

export const tags = () =>
  text('tags')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

export const metadata = () =>
  jsonb('metadata').$type<Record<string, unknown>>().notNull().default({});

/**
 * An index on a column that refers to rows of another table, for the database's own use: when
 * a referenced row is deleted, the rows referring to it are found by this column alone (the
 * application's indexes lead with organization_id), which without it reads the whole table
 * once per deleted row.
 */
export const referrersIndex = (table: string, column: AnyPgColumn) =>
  index(`${table}_${column.name}_referrers_idx`)
    .on(column)
    .where(sql`${column} is not null`);
