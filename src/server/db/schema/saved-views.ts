import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SavedViewList, SavedViewState } from '@/schemas/saved-views';
import { belongsTo, id, timestamps, timestamptz } from './columns';
import { organizationId, users } from './identity';

/** SAVED_VIEW_LISTS, which a check constraint spells out. */
const knownList = (list: unknown) =>
  sql`${list} in ('customers', 'companies', 'deals', 'tasks', 'orders')`;

/**
 * A named way of looking at a list: its filters and sorting, as the list keeps them in its URL.
 * Its owner sees it; shared, the whole organization does.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    organizationId: organizationId(),
    ownerUserId: belongsTo('owner_user_id', () => users.id),
    list: text('list').$type<SavedViewList>().notNull(),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    /** The list's URL search params: a key to one value or several. */
    state: jsonb('state').$type<SavedViewState>().notNull().default({}),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('saved_views_list_idx').on(t.organizationId, t.list, t.position),
    unique('saved_views_name_unique').on(t.organizationId, t.ownerUserId, t.list, t.name),
    check('saved_views_known_list', knownList(t.list)),
  ],
);

/** A member's own choices about a list's views: the ones pinned as tabs, and the one it opens with. */
export const savedViewPreferences = pgTable(
  'saved_view_preferences',
  {
    organizationId: organizationId(),
    userId: belongsTo('user_id', () => users.id),
    list: text('list').$type<SavedViewList>().notNull(),
    defaultViewId: uuid('default_view_id').references(() => savedViews.id, {
      onDelete: 'set null',
    }),
    /** In the order they are shown. */
    pinnedViewIds: uuid('pinned_view_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId, t.list] }),
    // Deleting a view clears it as anyone's default through this index, not a scan.
    index('saved_view_preferences_default_idx').on(t.defaultViewId),
    check('saved_view_preferences_known_list', knownList(t.list)),
  ],
);
