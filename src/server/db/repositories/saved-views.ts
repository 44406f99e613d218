import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import type { SavedView, SavedViewList, SavedViewState } from '@/schemas/saved-views';
import { savedViewPreferences, savedViews, users } from '../schema';
import type { TenantTx } from '../types';
import { ofOrganization } from './tenant-rows';

const viewColumns = {
  id: savedViews.id,
  list: savedViews.list,
  name: savedViews.name,
  shared: savedViews.shared,
  state: savedViews.state,
  ownerUserId: savedViews.ownerUserId,
  ownerName: users.name,
  position: savedViews.position,
  createdAt: savedViews.createdAt,
  updatedAt: savedViews.updatedAt,
};

/** A member sees their own views and the ones shared with the organization. */
const visibleTo = (userId: string) =>
  or(eq(savedViews.ownerUserId, userId), eq(savedViews.shared, true));

/** The views of a list a member sees, in the order they were made. */
export function listVisibleViews(
  tx: TenantTx,
  userId: string,
  list: SavedViewList,
): Promise<SavedView[]> {
  return tx
    .select(viewColumns)
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.ownerUserId))
    .where(and(ofOrganization(tx, savedViews), eq(savedViews.list, list), visibleTo(userId)))
    .orderBy(asc(savedViews.position), asc(savedViews.createdAt), asc(savedViews.id));
}

/** One view the member sees; another member's private view is as missing as another tenant's. */
export async function getVisibleView(
  tx: TenantTx,
  userId: string,
  id: string,
  lock = false,
): Promise<SavedView | undefined> {
  const query = tx
    .select(viewColumns)
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.ownerUserId))
    .where(and(ofOrganization(tx, savedViews), eq(savedViews.id, id), visibleTo(userId)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: savedViews }) : await query;
  return row;
}

export interface SavedViewRow {
  list: SavedViewList;
  name: string;
  shared: boolean;
  state: SavedViewState;
}

/** A new view, after the member's others on that list. */
/** How many views of a list a member has made. */
export async function countOwnViews(tx: TenantTx, userId: string, list: SavedViewList) {
  const [row] = await tx
    .select({ n: count() })
    .from(savedViews)
    .where(
      and(
        ofOrganization(tx, savedViews),
        eq(savedViews.ownerUserId, userId),
        eq(savedViews.list, list),
      ),
    );
  return row?.n ?? 0;
}

export async function insertView(
  tx: TenantTx,
  ownerUserId: string,
  row: SavedViewRow,
): Promise<string> {
  const [inserted] = await tx
    .insert(savedViews)
    .values({
      ...row,
      organizationId: tx.organizationId,
      ownerUserId,
      position: sql`(select coalesce(max(${savedViews.position}), -1) + 1 from ${savedViews}
        where ${savedViews.organizationId} = ${tx.organizationId}
          and ${savedViews.ownerUserId} = ${ownerUserId} and ${savedViews.list} = ${row.list})`,
    })
    .returning({ id: savedViews.id });
  return inserted!.id;
}

export async function updateView(
  tx: TenantTx,
  id: string,
  values: Partial<Pick<SavedViewRow, 'name' | 'shared' | 'state'>>,
): Promise<void> {
  await tx
    .update(savedViews)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(ofOrganization(tx, savedViews), eq(savedViews.id, id)));
}

/** Deletes a view, and takes it out of every member's pins (defaults clear by foreign key). */
export async function deleteView(tx: TenantTx, id: string): Promise<void> {
  await tx
    .update(savedViewPreferences)
    .set({ pinnedViewIds: sql`array_remove(${savedViewPreferences.pinnedViewIds}, ${id}::uuid)` })
    .where(
      and(
        ofOrganization(tx, savedViewPreferences),
        sql`${id}::uuid = any(${savedViewPreferences.pinnedViewIds})`,
      ),
    );
  await tx.delete(savedViews).where(and(ofOrganization(tx, savedViews), eq(savedViews.id, id)));
}

export interface ViewPreferences {
  pinnedIds: string[];
  defaultId: string | null;
}

/**
 * A member's pins and default view of a list; none until they choose. With `lock`, the row is
 * made first if need be and locked for the rest of the transaction, so that a pin and a
 * default changed at once do not overwrite each other.
 */
export async function getViewPreferences(
  tx: TenantTx,
  userId: string,
  list: SavedViewList,
  lock = false,
): Promise<ViewPreferences> {
  if (lock) {
    await tx
      .insert(savedViewPreferences)
      .values({ organizationId: tx.organizationId, userId, list })
      .onConflictDoNothing();
  }
  const query = tx
    .select({
      pinnedIds: savedViewPreferences.pinnedViewIds,
      defaultId: savedViewPreferences.defaultViewId,
    })
    .from(savedViewPreferences)
    .where(
      and(
        ofOrganization(tx, savedViewPreferences),
        eq(savedViewPreferences.userId, userId),
        eq(savedViewPreferences.list, list),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? { pinnedIds: [], defaultId: null };
}

export async function saveViewPreferences(
  tx: TenantTx,
  userId: string,
  list: SavedViewList,
  preferences: ViewPreferences,
): Promise<void> {
  const values = {
    pinnedViewIds: preferences.pinnedIds,
    defaultViewId: preferences.defaultId,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(savedViewPreferences)
    .values({ organizationId: tx.organizationId, userId, list, ...values })
    .onConflictDoUpdate({
      target: [
        savedViewPreferences.organizationId,
        savedViewPreferences.userId,
        savedViewPreferences.list,
      ],
      set: values,
    });
}
