import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withTenant } from '@/server/db/tenant';
import { addTestMember, callerAs, organizationWithOwner, userPrincipal } from '@/test/factories';
import { setupTestServices } from '@/test/services';
import { runMaintenance } from './maintenance';

const { services } = setupTestServices();

describe('the hourly upkeep', () => {
  it('deletes read notifications past retention, and keeps unread ones however old', async () => {
    const { org, api } = await organizationWithOwner(services());
    const ben = await addTestMember(services().db, org, 'member');
    const asBen = callerAs(services(), userPrincipal(org, ben, 'member'));
    for (const title of ['Read long ago', 'Read lately', 'Never read']) {
      await api.tasks.create({ title, assigneeId: ben.id });
    }
    const age = (days: number) => sql`now() - make_interval(days => ${days})`;
    await withTenant(services().db, org.id, (tx) =>
      tx.execute(sql`
        update notifications set
          read_at = case when summary like '%Read long ago%' then ${age(91)}
                         when summary like '%Read lately%' then ${age(89)} end,
          updated_at = ${age(200)}
        where user_id = ${ben.id}`),
    );

    const done = await runMaintenance(services().db, { notificationRetentionDays: 90 });
    expect(done.notificationsDeleted).toBe(1);
    const left = (await asBen.notifications.list({})).items.map((n) => n.title);
    expect(left.sort()).toEqual([
      'Owner assigned you the task “Never read”',
      'Owner assigned you the task “Read lately”',
    ]);
  });
});
