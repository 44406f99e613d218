import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getRecipientSettings } from '@/server/db/repositories/notification-settings';
import { withIdentity } from '@/server/db/tenant';
import { smsJobHandler } from '@/server/sms/outbox';
import { createSmsTransport } from '@/server/sms/transport';
import { stopServices, type AppServices, type ServiceSettings } from '@/server/services';
import { setupPrivateTestDatabase } from '@/test/database';
import { codeOf, refusal } from '@/test/error-codes';
import { addTestMember, callerAs, createTestOrganization, userPrincipal } from '@/test/factories';
import { createTestServices, testLogger } from '@/test/services';
import { setupWebhookReceiver } from '@/test/webhook-receiver';
import { PHONE_CODE_ATTEMPTS, PHONE_CODE_LIFETIME_MS } from './phone';

// Every SMS job of the database is drained here, so the file has a database of its own.
const connection = setupPrivateTestDatabase();
const provider = setupWebhookReceiver();
let services: AppServices;

beforeAll(async () => {
  services = await createTestServices(connection());
});
afterAll(async () => {
  if (services) await stopServices(services);
});
afterEach(() => {
  provider.reset();
  vi.useRealTimers();
});

/** The jobs' data as the queue stored it, and the SMS the provider received, per drain. */
async function deliverSms(on: AppServices = services) {
  const stored: unknown[] = [];
  const send = createSmsTransport(
    { transport: 'http', httpUrl: provider.url('/sms'), httpToken: 'sms-token', logBodies: false },
    testLogger,
  );
  const handler = smsJobHandler(on.secretBox, send, testLogger);
  const ran = await on.jobs.drain('sms', async (data) => {
    stored.push(data);
    await handler(data);
  });
  const sent = provider.received.splice(0).map((request) => ({
    authorization: request.headers.authorization,
    ...(JSON.parse(request.body) as { to: string; text: string }),
  }));
  return { ran, stored, sent };
}

/** The code in the one SMS sent to `to` since the last delivery. */
async function codeSentTo(to: string) {
  const { sent } = await deliverSms();
  expect(sent.map((sms) => sms.to)).toEqual([to]);
  const code = /Your Clientele code is (\d{6})\b/.exec(sent[0]!.text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

const otherCodeThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

let numbers = 0;
/** A phone number no other test of the file uses. */
const newNumber = () => `+3519100${String(++numbers).padStart(5, '0')}`;

/** A signed-in person, and their tRPC caller. */
async function person(on: AppServices = services) {
  const org = await createTestOrganization(on.db);
  const user = await addTestMember(on.db, org, 'member');
  const api = callerAs(on, userPrincipal(org, user, 'member'));
  const verifiedPhone = async () =>
    (await withIdentity(on.db, (tx) => getRecipientSettings(tx, user.id))).verifiedPhone;
  return { user, api, phone: api.account.phone, verifiedPhone };
}

describe('phone verification', () => {
  it('texts a 6-digit code, sealed in its job, and verifies the number with it', async () => {
    const { api, phone, verifiedPhone } = await person();
    const number = newNumber();
    const sent = await phone.requestCode({ phoneNumber: number });
    expect(sent.phoneNumber).toBe(number);
    expect(sent.expiresAt.getTime() - Date.now()).toBeGreaterThan(PHONE_CODE_LIFETIME_MS - 60_000);
    expect(await phone.get()).toEqual({ phoneNumber: number, phoneVerified: false });

    const delivery = await deliverSms();
    expect(delivery.ran).toBe(1);
    expect(delivery.sent).toHaveLength(1);
    const [sms] = delivery.sent;
    expect(sms).toMatchObject({ authorization: 'Bearer sms-token', to: number });
    const code = /^Your Clientele code is (\d{6})\b/.exec(sms!.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    // What rests in the job table says nothing of the number or the code.
    const stored = JSON.stringify(delivery.stored);
    expect(Object.keys(delivery.stored[0] as object)).toEqual(['sealed']);
    expect(stored).not.toContain(number.slice(1));
    expect(stored).not.toContain(code);

    expect(await verifiedPhone()).toBeNull();
    expect(await phone.verify({ code: code! })).toEqual({ phoneNumber: number });
    expect(await phone.get()).toEqual({ phoneNumber: number, phoneVerified: true });
    expect(await verifiedPhone()).toBe(number);
    const actions = (await api.account.securityActivity()).map((event) => event.action);
    expect(actions.slice(0, 2)).toEqual(['user.phone_verified', 'user.phone_code_sent']);

    // A code is good once.
    expect((await refusal(phone.verify({ code: code! }))).message).toMatch(/No code is waiting/);
  });

  it('refuses a wrong code and counts it; after five, even the right code is refused', async () => {
    const { phone, verifiedPhone } = await person();
    const number = newNumber();
    await phone.requestCode({ phoneNumber: number });
    const code = await codeSentTo(number);
    const wrong = otherCodeThan(code);

    for (let attempt = 1; attempt <= PHONE_CODE_ATTEMPTS; attempt++) {
      const error = await refusal(phone.verify({ code: wrong }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.details.issues).toEqual([{ path: ['code'], message: 'does not match' }]);
      const left = PHONE_CODE_ATTEMPTS - attempt;
      expect(error.message).toMatch(left > 0 ? `; ${left} tr` : /last try; ask for a new one/);
    }
    const spent = await refusal(phone.verify({ code }));
    expect(spent.message).toMatch(/too many times; ask for a new one/);
    expect(spent.details.issues?.[0]?.path).toEqual(['code']);
    expect(await phone.get()).toEqual({ phoneNumber: number, phoneVerified: false });
    expect(await verifiedPhone()).toBeNull();

    // A new code gets a fresh count.
    await phone.requestCode({ phoneNumber: number });
    await phone.verify({ code: await codeSentTo(number) });
    expect(await verifiedPhone()).toBe(number);
  });

  it('refuses a code entered after its ten minutes', async () => {
    const { phone, verifiedPhone } = await person();
    const number = newNumber();
    await phone.requestCode({ phoneNumber: number });
    const code = await codeSentTo(number);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + PHONE_CODE_LIFETIME_MS + 1000 });
    const error = await refusal(phone.verify({ code }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('This code has expired; ask for a new one');
    expect(error.details.issues?.[0]?.path).toEqual(['code']);
    expect(await verifiedPhone()).toBeNull();
  });

  it('takes a new number unverified, and leaves a verified number alone when asked for it again', async () => {
    const { phone, verifiedPhone } = await person();
    const first = newNumber();
    await phone.requestCode({ phoneNumber: first });
    await phone.verify({ code: await codeSentTo(first) });

    const again = await refusal(phone.requestCode({ phoneNumber: first }));
    expect(again.code).toBe('CONFLICT');
    expect(again.details.issues).toEqual([
      { path: ['phoneNumber'], message: 'is already verified' },
    ]);
    expect((await deliverSms()).ran).toBe(0);
    expect(await verifiedPhone()).toBe(first);

    const second = newNumber();
    await phone.requestCode({ phoneNumber: second });
    expect(await phone.get()).toEqual({ phoneNumber: second, phoneVerified: false });
    // Until the new number is verified, SMS goes nowhere.
    expect(await verifiedPhone()).toBeNull();
    await phone.verify({ code: await codeSentTo(second) });
    expect(await verifiedPhone()).toBe(second);
  });

  it('refuses a number or a code in the wrong form, changing and sending nothing', async () => {
    const { phone } = await person();
    for (const phoneNumber of ['912345678', '+0912345678', '+351 91 234 5678', '+1234']) {
      expect(await codeOf(phone.requestCode({ phoneNumber }))).toBe('BAD_REQUEST');
    }
    for (const code of ['12345', '1234567', '12a456', '']) {
      expect(await codeOf(phone.verify({ code }))).toBe('BAD_REQUEST');
    }
    expect((await deliverSms()).ran).toBe(0);
    expect(await phone.get()).toEqual({ phoneNumber: null, phoneVerified: false });
  });

  it('removes the number, and says so when there is none', async () => {
    const { api, phone, verifiedPhone } = await person();
    const number = newNumber();
    await phone.requestCode({ phoneNumber: number });
    await phone.verify({ code: await codeSentTo(number) });

    await expect(phone.remove()).resolves.toEqual({ removed: true });
    expect(await phone.get()).toEqual({ phoneNumber: null, phoneVerified: false });
    expect(await verifiedPhone()).toBeNull();
    expect((await api.account.securityActivity())[0]?.action).toBe('user.phone_removed');
    expect(await codeOf(phone.remove())).toBe('NOT_FOUND');
  });
});

describe('phone code requests', () => {
  const PER_HOUR = 2;
  let limited: AppServices;
  beforeAll(async () => {
    const overrides: Partial<ServiceSettings> = {
      rateLimitOverrides: {
        'phone-code:user': { limit: PER_HOUR, windowSeconds: 3600, failClosed: true },
      },
    };
    limited = await createTestServices(connection(), overrides);
  });
  afterAll(async () => {
    if (limited) await stopServices(limited);
  });

  it('are limited per person, and a refused request sends nothing', async () => {
    const { phone } = await person(limited);
    const numbers = [newNumber(), newNumber(), newNumber()];
    for (const phoneNumber of numbers.slice(0, PER_HOUR)) await phone.requestCode({ phoneNumber });
    expect(await codeOf(phone.requestCode({ phoneNumber: numbers[PER_HOUR]! }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await phone.get()).toEqual({ phoneNumber: numbers[PER_HOUR - 1], phoneVerified: false });
    const sentTo = (await deliverSms(limited)).sent.map((sms) => sms.to);
    expect(sentTo.sort()).toEqual(numbers.slice(0, PER_HOUR).sort());

    // Another person is not held back by the first one's requests.
    const other = await person(limited);
    await expect(other.phone.requestCode({ phoneNumber: newNumber() })).resolves.toBeDefined();
    await deliverSms(limited);
  });
});
