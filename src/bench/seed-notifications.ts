import { sql } from 'drizzle-orm';
import { rows } from '@/server/db/rows';
import { withIdentity, withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { findOrCreateOrganization, type Organization } from './seed';

/**
 * The tenants of the notification cases: `bench-fanout` (members to notify all at once) and
 * `bench-unread` (members with inboxes of set sizes). Both are made when missing and reused
 * when there, on PostgreSQL and on PGlite alike.
 */

/**
 * `count` members of the organization (role member), `member<i>@<slug>.example`, with one
 * statement each for the users and the memberships; returns their user ids by i.
 */
export async function seedMembers(
  db: Database,
  organization: Organization,
  slug: string,
  count: number,
): Promise<string[]> {
  const domain = `@${slug}.example`;
  const ids = await withIdentity(db, async (tx) => {
    await tx.execute(sql`
      insert into users (email, name, password_hash)
      select 'member' || i || ${domain}, 'Member ' || i, 'unused' from generate_series(1, ${count}::int) i
      on conflict do nothing`);
    await tx.execute(sql`
      insert into memberships (organization_id, user_id, role)
      select ${organization.id}, u.id, 'member' from users u
      where u.email in (select 'member' || i || ${domain} from generate_series(1, ${count}::int) i)
      on conflict do nothing`);
    return tx.execute(sql`
      select u.id from users u join memberships m on m.user_id = u.id
      where m.organization_id = ${organization.id} and m.role = 'member'
        and u.email in (select 'member' || i || ${domain} from generate_series(1, ${count}::int) i)
      order by substring(u.email from '^member([0-9]+)@')::int`);
  });
  const userIds = rows<{ id: string }>(ids).map((row) => row.id);
  if (userIds.length !== count) {
    throw new Error(`${slug}: ${userIds.length} members where ${count} were expected`);
  }
  return userIds;
}

export interface FanOutTenant {
  organizationId: string;
  /** Who makes the change (the owner): not told of it. */
  actorId: string;
  memberIds: string[];
}

/** `bench-fanout`: the owner and `members` members, without notifications or queued jobs. */
export async function seedFanOutTenant(db: Database, members: number): Promise<FanOutTenant> {
  const organization = await findOrCreateOrganization(db, 'bench-fanout');
  const memberIds = await seedMembers(db, organization, 'bench-fanout', members);
  await emptyFanOutTenant(db, organization.id);
  return { organizationId: organization.id, actorId: organization.ownerId, memberIds };
}

/** Deletes the tenant's notifications and the jobs they queued (nobody works them in the bench). */
export async function emptyFanOutTenant(db: Database, organizationId: string): Promise<void> {
  await withTenant(db, organizationId, (tx) =>
    tx.execute(sql`delete from notifications where organization_id = ${organizationId}`),
  );
  // pg-boss's tables are the login's (the bench migrates with it), not the tenant role's.
  await db.execute(
    sql`delete from pgboss.job where name = 'notification' and data->>'organizationId' = ${organizationId}`,
  );
}

/** One inbox of `total` notifications, one in `unreadEvery` of them unread. */
export interface Inbox {
  total: number;
  unreadEvery: number;
}

export const unreadOf = (inbox: Inbox) => Math.floor(inbox.total / inbox.unreadEvery);

export interface UnreadPlan {
  /** The inboxes that are measured, by name. */
  measured: Record<'large' | 'small' | 'allUnread', Inbox>;
  /** Other members' inboxes, in the same table and index (their rows are never counted). */
  others: Inbox[];
}

export interface UnreadTenant {
  organizationId: string;
  /** User ids of the measured inboxes. */
  userIds: Record<keyof UnreadPlan['measured'], string>;
}

/**
 * `bench-unread`: a member per inbox of the plan, their notifications about tasks (what a
 * member may read), the older ones read. Reseeded when the inboxes differ from the plan.
 */
export async function seedUnreadTenant(
  db: Database,
  plan: UnreadPlan,
  log: (message: string) => void,
): Promise<UnreadTenant> {
  const slug = 'bench-unread';
  const organization = await findOrCreateOrganization(db, slug);
  const { large, small, allUnread } = plan.measured;
  const inboxes = [large, small, allUnread, ...plan.others];
  const memberIds = await seedMembers(db, organization, slug, inboxes.length);
  const [largeId, smallId, allUnreadId] = memberIds as [string, string, string];
  const organizationId = organization.id;

  const present = rows<{ user_id: string; total: number; unread: number }>(
    await withTenant(db, organizationId, (tx) =>
      tx.execute(sql`
        select user_id, count(*)::int as total, (count(*) filter (where read_at is null))::int as unread
        from notifications where organization_id = ${organizationId} group by user_id`),
    ),
  );
  const byUser = new Map(present.map((row) => [row.user_id, row]));
  const matches =
    present.length === inboxes.length &&
    inboxes.every((inbox, index) => {
      const row = byUser.get(memberIds[index]!);
      return row?.total === inbox.total && row.unread === unreadOf(inbox);
    });
  if (!matches) {
    const started = performance.now();
    const total = inboxes.reduce((sum, inbox) => sum + inbox.total, 0);
    log(`  seeding ${total.toLocaleString('en')} notifications in ${slug}…`);
    await withTenant(db, organizationId, async (tx) => {
      await tx.execute(sql`delete from notifications where organization_id = ${organizationId}`);
      for (const [index, inbox] of inboxes.entries()) {
        const userId = memberIds[index]!;
        const createdAt = sql`timestamptz '2026-01-01T00:00:00Z' - i * interval '1 minute'`;
        await tx.execute(sql`
          insert into notifications (organization_id, user_id, type, summary, link, entity_type,
            entity_id, group_key, read_at, created_at, updated_at)
          select ${organizationId}, ${userId}, 'assigned', 'assigned you a task', '/tasks', 'task',
            md5(${userId}::text || i)::uuid, 'assigned:task:' || md5(${userId}::text || i)::uuid,
            case when i % ${inbox.unreadEvery}::int = 0 then null else ${createdAt} + interval '1 hour' end,
            ${createdAt}, ${createdAt}
          from generate_series(1, ${inbox.total}::int) i`);
      }
    });
    await db.execute(sql`analyze notifications`);
    log(`  ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return {
    organizationId,
    userIds: { large: largeId, small: smallId, allUnread: allUnreadId },
  };
}
