import { describe, expect, it } from 'vitest';
import { addTestMember, callerAs, organizationWithOwner, userPrincipal } from '@/test/factories';
import { setupTestServices } from '@/test/services';
import { sendTaskReminder, type ReminderJob } from './reminders';

const { services } = setupTestServices();

/** Runs the reminder jobs that are due, as a worker would; how many ran. */
const runDueReminders = () =>
  services().jobs.drain('reminder', (data) => sendTaskReminder(services(), data as ReminderJob));

async function pair() {
  const { org, api } = await organizationWithOwner(services());
  const ben = await addTestMember(services().db, org, 'member');
  const asBen = callerAs(services(), userPrincipal(org, ben, 'member'));
  const inbox = async () =>
    (await asBen.notifications.list({})).items
      .filter((n) => n.type === 'task_due' || n.type === 'task_overdue')
      .map((n) => n.title);
  return { org, api, ben, inbox };
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe('task reminders', () => {
  it('remind the assignee before the due time and announce it passing, each once', async () => {
    const { org, api, ben, inbox } = await pair();
    const task = await api.tasks.create({
      title: 'Send the quote',
      assigneeId: ben.id,
      dueAt: inSeconds(3),
    });
    // Due within the reminder's lead: the reminder goes at once; the announcement at the time.
    await runDueReminders();
    const due = `Your task “Send the quote” is due at ${task.dueAt!.toISOString().slice(11, 16)} UTC`;
    expect(await inbox()).toEqual([due]);
    await expect
      .poll(async () => (await runDueReminders(), inbox()))
      .toEqual(['Your task “Send the quote” is overdue', due]);

    // The same job again (another instance, a retry after a crash) sends nothing more.
    for (const kind of ['due', 'overdue'] as const) {
      await sendTaskReminder(services(), {
        organizationId: org.id,
        taskId: task.id,
        kind,
        dueAt: task.dueAt!.toISOString(),
      });
    }
    expect(await inbox()).toHaveLength(2);
  });

  it('follow a rescheduled task, and leave a completed one alone', async () => {
    const { api, ben, inbox } = await pair();
    const moved = await api.tasks.create({
      title: 'Moved',
      assigneeId: ben.id,
      dueAt: inSeconds(2),
    });
    await api.tasks.update({ id: moved.id, dueAt: inSeconds(24 * 3600) });
    const done = await api.tasks.create({ title: 'Done', assigneeId: ben.id, dueAt: inSeconds(2) });
    await api.tasks.complete({ id: done.id });
    // The four jobs of the first due times (a reminder and an announcement each) run, and say
    // nothing: one task is due later now, the other is done.
    let ran = 0;
    await expect.poll(async () => (ran += await runDueReminders())).toBeGreaterThanOrEqual(4);
    expect(ran).toBe(4);
    expect(await inbox()).toEqual([]);
  });

  it('remind each assignee as long ahead as they chose, or only when it is due', async () => {
    const { org, api, ben, inbox } = await pair();
    const asBen = callerAs(services(), userPrincipal(org, ben, 'member'));
    const settings = await asBen.notifications.settings.get();
    const chooseLead = (reminderLeadMinutes: number) =>
      asBen.notifications.settings.update({ ...settings, reminderLeadMinutes });

    // An hour ahead: a task due in 30 minutes is reminded of at once (15 minutes would wait).
    await chooseLead(60);
    await api.tasks.create({
      title: 'Within the hour',
      assigneeId: ben.id,
      dueAt: inSeconds(1800),
    });
    await runDueReminders();
    expect(await inbox()).toEqual([
      expect.stringMatching(/^Your task “Within the hour” is due at/),
    ]);

    // Only when due: no reminder ahead, the announcement alone.
    await chooseLead(0);
    await api.tasks.create({ title: 'Only when due', assigneeId: ben.id, dueAt: inSeconds(2) });
    await expect
      .poll(async () => (await runDueReminders(), inbox()))
      .toContain('Your task “Only when due” is overdue');
    expect((await inbox()).filter((title) => title.includes('Only when due'))).toHaveLength(1);
  });
});
