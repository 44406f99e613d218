import { sql } from 'drizzle-orm';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSettingsInput } from '@/schemas/notification-settings';
import { markPhoneVerified, setPendingPhone } from '@/server/db/repositories/notification-settings';
import { rows } from '@/server/db/rows';
import { withIdentity } from '@/server/db/tenant';
import type { MailMessage } from '@/server/mail/message';
import { mailJobHandler } from '@/server/mail/outbox';
import { smsJobHandler } from '@/server/sms/outbox';
import { channelDeps, pushDeliveryDeps, stopServices, type AppServices } from '@/server/services';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { setupPrivateTestDatabase } from '@/test/database';
import {
  addTestMember,
  callerAs,
  organizationWithOwner,
  TEST_APP_URL,
  userPrincipal,
} from '@/test/factories';
import { setupPushService } from '@/test/push-service';
import { createTestServices, testLogger } from '@/test/services';
import type { PushJob, SmsMessage } from './channel-jobs';
import { deliverNotification, sendDigest, type ChannelDeps, type NotificationJob } from './deliver';
import { runImport, type ImportJob } from '../imports/run-import';
import { deliverPush } from './push';
import { minuteOfDay } from './local-time';

// Every notification, digest, mail, push and SMS job of the database is drained here, so the
// file has a database of its own.
const connection = setupPrivateTestDatabase();
const pushService = setupPushService();
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:deliver-tests@example.test' };
let services: AppServices;
let server: TestApiServer;

beforeAll(async () => {
  // Push reaches the local push service on 127.0.0.1 (WEBHOOKS_ALLOW_PRIVATE_TARGETS is on in
  // the test settings).
  services = await createTestServices(connection(), { push: vapid });
  server = await startApiServer(connection(), services);
});
afterAll(async () => {
  await server?.close();
  if (services) await stopServices(services);
});

/** The services' deps, with other sending limits when given. */
const depsWith = (limits?: Partial<ChannelDeps['limits']>): ChannelDeps => {
  const deps = channelDeps(services);
  return { ...deps, limits: { ...deps.limits, ...limits } };
};

/** Runs the `notification` jobs that are due, as the worker would; how many ran. */
const runNotifications = (deps: ChannelDeps = depsWith()) =>
  services.jobs.drain('notification', (data) => deliverNotification(deps, data as NotificationJob));

/** Delivers the queued mail, returning the messages to `to` (all the queued mail is sent). */
async function mailTo(to: string): Promise<MailMessage[]> {
  const sent: MailMessage[] = [];
  await services.jobs.drain(
    'mail',
    mailJobHandler(services.secretBox, async (message) => {
      sent.push(message);
    }),
  );
  return sent.filter((message) => message.to === to);
}

/** Delivers the queued SMS, returning them all. */
async function sentSms(): Promise<SmsMessage[]> {
  const sent: SmsMessage[] = [];
  await services.jobs.drain(
    'sms',
    smsJobHandler(
      services.secretBox,
      async (message) => {
        sent.push(message);
      },
      testLogger,
    ),
  );
  return sent;
}

/** A new organization whose owner ("Owner") assigns things to Ben, a member. */
async function team() {
  const { org, api } = await organizationWithOwner(services);
  const ben = await addTestMember(services.db, org, 'member');
  const asBen = callerAs(services, userPrincipal(org, ben, 'member'));
  let made = 0;
  /** The owner makes Ben the owner of a new customer: Ben is notified of `assigned`. */
  const assign = async (firstName = `Client${++made}`) => {
    const customer = await api.customers.create({
      firstName,
      lastName: `No${++made}`,
      ownerId: ben.id,
    });
    const name = `${customer.firstName} ${customer.lastName}`;
    return {
      customer,
      title: `Owner made you the owner of ${name}`,
      url: `${TEST_APP_URL}/customers/${customer.id}`,
    };
  };
  /** Ben's settings, changed as the settings page would (notifications.settings.update). */
  const changeSettings = async (change: (current: NotificationSettingsInput) => void) => {
    const { timeZone, digestHour, quietHours, reminderLeadMinutes, channels } =
      await asBen.notifications.settings.get();
    const input: NotificationSettingsInput = {
      timeZone,
      digestHour,
      quietHours,
      reminderLeadMinutes,
      channels,
    };
    change(input);
    await asBen.notifications.settings.update(input);
  };
  const assignedInbox = async () =>
    (await asBen.notifications.list({})).items.filter((n) => n.type === 'assigned');
  return { org, api, ben, asBen, assign, changeSettings, assignedInbox };
}

const unsubscribeLinkIn = (text: string) =>
  /(\S+\/unsubscribe\?token=([\w.-]+))/.exec(text) ?? undefined;

/** The local hour twelve hours from now: a digest hour that is surely not this one. */
const farDigestHour = () => (new Date().getUTCHours() + 12) % 24;

/** The notification jobs pg-boss holds for a notification, with when they may start. */
async function jobsFor(notificationId: string) {
  return rows<{ state: string; startAfter: Date | string }>(
    await connection().db.execute(sql`
      select state, start_after as "startAfter" from pgboss.job
      where name = 'notification' and data->>'notificationId' = ${notificationId}
      order by created_on`),
  ).map((job) => ({ state: job.state, startAfter: new Date(job.startAfter) }));
}

let numbers = 0;
/** A phone of the person's, verified as the verification procedure leaves it. */
async function verifiedPhone(userId: string) {
  const number = `+3519200${String(++numbers).padStart(5, '0')}`;
  await withIdentity(services.db, async (tx) => {
    await setPendingPhone(tx, userId, number, 'code-hash', new Date(Date.now() + 600_000));
    await markPhoneVerified(tx, userId);
  });
  return number;
}

/** Subscribes a browser of the local push service for the caller. */
async function subscribeBrowser(api: Awaited<ReturnType<typeof team>>['asBen']) {
  const browser = pushService.subscribe();
  await api.account.push.subscribe({
    endpoint: browser.endpoint,
    keys: { p256dh: browser.p256dh, auth: browser.auth },
  });
  return browser;
}

/** Delivers the queued push messages, as the `push` worker would; how many ran. */
const runPush = () =>
  services.jobs.drain('push', (data) => deliverPush(pushDeliveryDeps(services), data as PushJob));

describe('notification delivery by e-mail', () => {
  it('e-mails an assignment once, with the record’s link and a one-click unsubscribe', async () => {
    const { org, ben, assign, assignedInbox } = await team();
    const { title, url } = await assign('Ada');

    expect(await runNotifications()).toBe(1);
    const [mail, ...more] = await mailTo(ben.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(title);
    const [notification] = await assignedInbox();
    expect(notification!.title).toBe(title);
    expect(mail!.text).toContain(url);
    const link = unsubscribeLinkIn(mail!.text);
    expect(link?.[1]).toBe(`${TEST_APP_URL}/unsubscribe?token=${link?.[2]}`);
    expect(mail!.html).toContain(url);
    expect(mail!.headers).toEqual({
      'List-Unsubscribe': `<${TEST_APP_URL}/api/unsubscribe?token=${link![2]}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    // The same job again (a retry, another instance) sends nothing more.
    await deliverNotification(depsWith(), {
      organizationId: org.id,
      notificationId: notification!.id,
    });
    expect(await mailTo(ben.email)).toEqual([]);
  });

  it('gathers digest types into one daily mail of what is still unread, sent once', async () => {
    const { org, ben, asBen, assign, changeSettings, assignedInbox } = await team();
    await changeSettings((input) => {
      input.timeZone = 'UTC';
      input.digestHour = farDigestHour();
      input.channels.assigned = { ...input.channels.assigned!, email: 'digest' };
    });
    const first = await assign();
    const read = await assign();
    const third = await assign();

    expect(await runNotifications()).toBe(3);
    expect(await mailTo(ben.email)).toEqual([]);
    // The digest waits for Ben's digest hour, twelve hours away.
    expect(await services.jobs.drain('digest', () => Promise.resolve())).toBe(0);

    const readOne = (await assignedInbox()).find((n) => n.title === read.title)!;
    await asBen.notifications.markRead({ id: readOne.id });

    // What the digest job does at that hour.
    await sendDigest(depsWith(), { organizationId: org.id, userId: ben.id });
    const [digest, ...more] = await mailTo(ben.email);
    expect(more).toEqual([]);
    expect(digest!.subject).toBe('Your day in Test Org: 2 notifications');
    expect(digest!.text).toContain(`• ${first.title} — ${first.url}`);
    expect(digest!.text).toContain(`• ${third.title} — ${third.url}`);
    expect(digest!.text).not.toContain(read.title);
    expect(digest!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeLinkIn(digest!.text)).toBeDefined();

    await sendDigest(depsWith(), { organizationId: org.id, userId: ben.id });
    expect(await mailTo(ben.email)).toEqual([]);
  });

  it('holds everything in quiet hours, and sends it once they are over', async () => {
    const { org, ben, assign, changeSettings, assignedInbox } = await team();
    const timeZone = 'Asia/Tokyo';
    const now = minuteOfDay(new Date(), timeZone);
    // From half an hour ago to an hour from now, local time.
    const quietHours = { start: (now + 1410) % 1440, end: (now + 60) % 1440 };
    await changeSettings((input) => {
      input.timeZone = timeZone;
      input.quietHours = quietHours;
    });
    const { title } = await assign();
    const [notification] = await assignedInbox();
    const job = { organizationId: org.id, notificationId: notification!.id };

    const before = Date.now();
    expect(await runNotifications()).toBe(1);
    expect(await mailTo(ben.email)).toEqual([]);
    // Queued again for the end of quiet hours (about an hour from now, on the minute).
    const [ran, held, ...others] = await jobsFor(notification!.id);
    expect(others).toEqual([]);
    expect(ran!.state).toBe('completed');
    expect(held!.state).toBe('created');
    const wait = held!.startAfter.getTime() - before;
    expect(wait).toBeGreaterThan(58 * 60_000);
    expect(wait).toBeLessThanOrEqual(60 * 60_000);
    expect(minuteOfDay(held!.startAfter, timeZone)).toBe(quietHours.end);
    expect(await runNotifications()).toBe(0);

    // Nothing was recorded as sent: once quiet hours are off, the held job sends it, once.
    await changeSettings((input) => {
      input.quietHours = null;
    });
    await deliverNotification(depsWith(), job);
    expect((await mailTo(ben.email)).map((mail) => mail.subject)).toEqual([title]);
    await deliverNotification(depsWith(), job);
    expect(await mailTo(ben.email)).toEqual([]);
  });

  it('sends past the organization’s hourly e-mail limit to the digest instead', async () => {
    const { org, ben, assign, changeSettings } = await team();
    await changeSettings((input) => {
      input.timeZone = 'UTC';
      input.digestHour = farDigestHour();
    });
    const limited = depsWith({ emailsPerHour: 2 });
    const first = await assign();
    const second = await assign();
    expect(await runNotifications(limited)).toBe(2);
    const third = await assign();
    expect(await runNotifications(limited)).toBe(1);

    // Mail jobs carry no order among themselves.
    expect((await mailTo(ben.email)).map((mail) => mail.subject).sort()).toEqual(
      [first.title, second.title].sort(),
    );
    await sendDigest(limited, { organizationId: org.id, userId: ben.id });
    const [digest, ...more] = await mailTo(ben.email);
    expect(more).toEqual([]);
    expect(digest!.subject).toBe('Your day in Test Org: 1 notification');
    expect(digest!.text).toContain(`• ${third.title} — ${third.url}`);

    // Another organization has a limit of its own.
    const other = await team();
    const elsewhere = await other.assign();
    expect(await runNotifications(limited)).toBe(1);
    expect((await mailTo(other.ben.email)).map((mail) => mail.subject)).toEqual([elsewhere.title]);
  });

  it('sends nothing, by any channel, to someone no longer a member when the job runs', async () => {
    const { api, ben, asBen, assign, changeSettings, assignedInbox } = await team();
    await verifiedPhone(ben.id);
    await changeSettings((input) => {
      input.channels.assigned = { ...input.channels.assigned!, urgent: true };
    });
    const browser = await subscribeBrowser(asBen);
    await assign();
    expect(await assignedInbox()).toHaveLength(1);
    await api.members.remove({ userId: ben.id });

    expect(await runNotifications()).toBe(1);
    expect(await mailTo(ben.email)).toEqual([]);
    expect(await sentSms()).toEqual([]);
    expect(await runPush()).toBe(0);
    expect(pushService.requestsTo(browser.endpoint)).toBe(0);
  });

  it('sends nothing to someone demoted since to a role that may not read the record', async () => {
    const { org, api } = await organizationWithOwner(services);
    const mia = await addTestMember(services.db, org, 'manager');
    const asMia = callerAs(services, userPrincipal(org, mia, 'manager'));
    const settings = await asMia.notifications.settings.get();
    await asMia.notifications.settings.update({
      timeZone: settings.timeZone,
      digestHour: settings.digestHour,
      quietHours: settings.quietHours,
      reminderLeadMinutes: settings.reminderLeadMinutes,
      channels: { import_finished: { ...settings.channels.import_finished, email: 'immediate' } },
    });
    // Mia's import finishes: she is told (an import is for those who may import).
    await asMia.imports.start({
      filename: 'leads.csv',
      csv: 'email,first name\nada@example.com,Ada\n',
      mapping: { email: 'email', 'first name': 'firstName' },
    });
    await services.jobs.drain('import', (data) => runImport(services, data as ImportJob));
    expect((await asMia.notifications.list({})).items.map((n) => n.type)).toEqual([
      'import_finished',
    ]);

    await api.members.changeRole({ userId: mia.id, role: 'member' });
    expect(await runNotifications()).toBe(1);
    expect(await mailTo(mia.email)).toEqual([]);
  });

  it('keeps a type out of the inbox when in-app is off, and still e-mails it', async () => {
    const { ben, asBen, assign, changeSettings, assignedInbox } = await team();
    await changeSettings((input) => {
      input.channels.assigned = { ...input.channels.assigned!, inApp: false };
    });
    const { title } = await assign();

    expect(await assignedInbox()).toEqual([]);
    expect(await asBen.notifications.unreadCount()).toEqual({ unread: 0 });
    expect(await runNotifications()).toBe(1);
    expect((await mailTo(ben.email)).map((mail) => mail.subject)).toEqual([title]);
  });
});

describe('notification delivery by push', () => {
  it('reaches a subscribed browser with the notification and the record’s address', async () => {
    const { asBen, ben, assign } = await team();
    const browser = await subscribeBrowser(asBen);
    const { customer, title, url } = await assign();

    expect(await runNotifications()).toBe(1);
    expect(pushService.requestsTo(browser.endpoint)).toBe(0);
    expect(await runPush()).toBe(1);
    expect(pushService.refused(browser.endpoint)).toEqual([]);
    const [arrived, ...more] = pushService.accepted(browser.endpoint);
    expect(more).toEqual([]);
    expect(arrived!.vapidPublicKey).toBe(vapid.publicKey);
    expect(JSON.parse(arrived!.payload)).toEqual({
      title,
      body: '',
      url,
      tag: `assigned:${customer.id}`,
    });
    // E-mail goes too, by the defaults.
    expect((await mailTo(ben.email)).map((mail) => mail.subject)).toEqual([title]);
  });
});

describe('notification delivery by SMS', () => {
  it('texts urgent types to a verified phone, within the hourly SMS limit', async () => {
    const { ben, assign, changeSettings } = await team();
    const number = await verifiedPhone(ben.id);
    await changeSettings((input) => {
      input.channels.assigned = { ...input.channels.assigned!, urgent: true };
    });
    const limited = depsWith({ smsPerHour: 1 });
    const { title, url } = await assign();

    expect(await runNotifications(limited)).toBe(1);
    expect(await sentSms()).toEqual([{ to: number, text: `Clientele: ${title} ${url}` }]);

    // Over the organization's limit: not sent.
    await assign();
    expect(await runNotifications(limited)).toBe(1);
    expect(await sentSms()).toEqual([]);
    await mailTo(ben.email);
  });

  it('texts nothing to a phone not yet verified, nor for a type not urgent', async () => {
    const pending = await team();
    await withIdentity(services.db, (tx) =>
      setPendingPhone(tx, pending.ben.id, '+351929999999', 'code-hash', new Date()),
    );
    await pending.changeSettings((input) => {
      input.channels.assigned = { ...input.channels.assigned!, urgent: true };
    });
    await pending.assign();

    const notUrgent = await team();
    await verifiedPhone(notUrgent.ben.id);
    await notUrgent.assign();

    expect(await runNotifications()).toBe(2);
    expect(await sentSms()).toEqual([]);
    await mailTo(pending.ben.email);
  });
});

describe('unsubscribe links', () => {
  const post = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });

  /** The token of the one e-mail an assignment sends Ben. */
  async function tokenOfAssignmentMail(member: Awaited<ReturnType<typeof team>>) {
    await member.assign();
    await runNotifications();
    const [mail] = await mailTo(member.ben.email);
    const link = unsubscribeLinkIn(mail!.text);
    expect(mail!.headers?.['List-Unsubscribe']).toBe(
      `<${TEST_APP_URL}/api/unsubscribe?token=${link![2]}>`,
    );
    return link![2]!;
  }

  const emailUnsubscribed = async (member: Awaited<ReturnType<typeof team>>) =>
    (await member.asBen.account.securityActivity()).filter(
      (event) => event.action === 'user.email_unsubscribed',
    );

  it('turn e-mail off for the type with one POST, and record it', async () => {
    const member = await team();
    const token = await tokenOfAssignmentMail(member);

    // A token changed on the way opens nothing.
    const middle = Math.floor(token.length / 2);
    const tampered = `${token.slice(0, middle)}${token[middle] === 'A' ? 'B' : 'A'}${token.slice(middle + 1)}`;
    const refused = await post(tampered);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await member.asBen.notifications.settings.get()).channels.assigned.email).toBe(
      'immediate',
    );
    expect(await emailUnsubscribed(member)).toEqual([]);

    const answer = await post(token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ unsubscribed: true });
    const { channels } = await member.asBen.notifications.settings.get();
    expect(channels.assigned).toEqual({ inApp: true, email: 'off', push: true, urgent: false });
    // Only the mail's type.
    expect(channels.mentioned.email).toBe('immediate');
    const [event, ...more] = await emailUnsubscribed(member);
    expect(more).toEqual([]);
    expect(event).toBeDefined();

    // The next assignment is not e-mailed (it is still in the app).
    await member.assign();
    expect(await runNotifications()).toBe(1);
    expect(await mailTo(member.ben.email)).toEqual([]);
    expect(await member.assignedInbox()).toHaveLength(2);
  });

  it('send a person who posts the page’s form back to the page, done', async () => {
    const member = await team();
    const token = await tokenOfAssignmentMail(member);

    const answer = await post(token, { accept: 'text/html,application/xhtml+xml' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/unsubscribe?done=1');
    expect((await member.asBen.notifications.settings.get()).channels.assigned.email).toBe('off');
    expect(await emailUnsubscribed(member)).toHaveLength(1);
  });
});
