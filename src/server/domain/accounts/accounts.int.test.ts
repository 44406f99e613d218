import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { TRPCClientError } from '@trpc/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@/server/api/root';
import { TOTP_PERIOD_SECONDS } from '@/server/auth/two-factor';
import { setupOwnerDatabase } from '@/test/database';
import { readUnrestricted } from '@/test/unrestricted';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { browserClient, sessionCookieOf } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';
import { lastMailTo, setupTestServices, tokenIn } from '@/test/services';

const { connection, services } = setupTestServices();
const ownerDb = setupOwnerDatabase(connection);
let server: TestApiServer;

beforeAll(async () => {
  server = await startApiServer(connection(), services());
});
afterAll(() => server.close());

const PASSWORD = 'correct horse battery staple';

async function signUp(email = uniqueEmail(), password = PASSWORD) {
  const browser = browserClient(server);
  await browser.auth.signUp.mutate({
    name: 'Robin',
    email,
    password,
    organizationName: 'Robin Co',
  });
  return { browser, email };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error(`expected a failure, got ${String(error)}`);
  return error as TRPCClientError<AppRouter>;
}

const totpNow = (key: string, offsetSteps = 0) =>
  generateHOTP(
    decodeBase32IgnorePadding(key),
    BigInt(Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS) + offsetSteps),
    6,
  );

describe('passwords', () => {
  it('refuses common passwords, the e-mail address as password, and lengths outside 8 to 256', async () => {
    const browser = browserClient(server);
    const email = uniqueEmail();
    for (const password of ['password123', 'qwertyuiop', email, 'short', 'x'.repeat(257)]) {
      const error = await failure(
        browser.auth.signUp.mutate({ name: 'Weak', email, password, organizationName: 'Weak Co' }),
      );
      expect(error.data?.code, password).toBe('BAD_REQUEST');
      expect(error.data?.issues?.map((issue) => issue.path.join('.'))).toEqual(['password']);
    }
  });

  it('takes any Unicode and never truncates', async () => {
    const long = `${'ü'.repeat(120)}🔐${'ß'.repeat(120)}`;
    const { email } = await signUp(uniqueEmail(), long);
    const anonymous = browserClient(server);
    await expect(anonymous.auth.signIn.mutate({ email, password: long })).resolves.toEqual({
      twoFactorRequired: false,
    });
    const almost = `${long.slice(0, -1)}s`;
    expect(
      (await failure(anonymous.auth.signIn.mutate({ email, password: almost }))).data?.code,
    ).toBe('UNAUTHORIZED');
  });
});

describe('sign-in', () => {
  it('takes about as long for an unknown address as for a wrong password', async () => {
    const { email } = await signUp();
    const anonymous = browserClient(server);
    const time = async (address: string) => {
      const started = performance.now();
      await failure(anonymous.auth.signIn.mutate({ email: address, password: 'not the password' }));
      return performance.now() - started;
    };
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(email));
      unknown.push(await time(uniqueEmail('nobody')));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('records failures and successes as security events of the account', async () => {
    const { browser, email } = await signUp();
    const anonymous = browserClient(server);
    await failure(anonymous.auth.signIn.mutate({ email, password: 'wrong password' }));
    await anonymous.auth.signIn.mutate({ email, password: PASSWORD });
    const activity = await browser.account.securityActivity.query();
    expect(activity.map((event) => event.action).slice(0, 2)).toEqual([
      'user.signed_in',
      'user.sign_in_failed',
    ]);
  });
});

describe('e-mail verification', () => {
  it('sends a link at sign-up that verifies the address once', async () => {
    const { browser, email } = await signUp();
    expect((await browser.auth.me.query()).user?.emailVerified).toBe(false);

    const mail = await lastMailTo(services(), email, 'Verify your e-mail address');
    expect(mail).toBeDefined();
    const token = tokenIn(mail?.text);
    expect(mail?.text).toContain(`${server.url}/verify-email?token=`);

    await expect(browserClient(server).auth.verifyEmail.mutate({ token })).resolves.toEqual({
      email,
    });
    expect((await browser.auth.me.query()).user?.emailVerified).toBe(true);
    expect((await failure(browser.auth.verifyEmail.mutate({ token }))).data?.code).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('password reset', () => {
  it('answers the same for unknown addresses, and only mails accounts', async () => {
    const anonymous = browserClient(server);
    const nobody = uniqueEmail('nobody');
    await expect(anonymous.auth.requestPasswordReset.mutate({ email: nobody })).resolves.toEqual({
      ok: true,
    });
    expect(await lastMailTo(services(), nobody)).toBeUndefined();
  });

  it('sets a new password with a single-use link and ends every session', async () => {
    const { browser, email } = await signUp();
    const other = browserClient(server);
    await other.auth.signIn.mutate({ email, password: PASSWORD });

    await browserClient(server).auth.requestPasswordReset.mutate({ email });
    const mail = await lastMailTo(services(), email, 'Reset your Clientele password');
    const token = tokenIn(mail?.text);

    const anonymous = browserClient(server);
    await anonymous.auth.resetPassword.mutate({ token, password: 'a brand new passphrase' });
    expect(
      (await failure(anonymous.auth.resetPassword.mutate({ token, password: 'yet another one!' })))
        .data?.code,
    ).toBe('BAD_REQUEST');
    for (const session of [browser, other]) {
      expect((await failure(session.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
    }
    expect(
      (await failure(anonymous.auth.signIn.mutate({ email, password: PASSWORD }))).data?.code,
    ).toBe('UNAUTHORIZED');
    await anonymous.auth.signIn.mutate({ email, password: 'a brand new passphrase' });
  });

  it('refuses an expired link', async () => {
    const { email } = await signUp();
    await browserClient(server).auth.requestPasswordReset.mutate({ email });
    const token = tokenIn(
      (await lastMailTo(services(), email, 'Reset your Clientele password'))?.text,
    );
    await services().db.execute(
      sql`update password_reset_tokens set expires_at = now() - interval '1 minute'`,
    );
    const error = await failure(
      browserClient(server).auth.resetPassword.mutate({
        token,
        password: 'a brand new passphrase',
      }),
    );
    expect(error.message).toMatch(/invalid, used or expired/);
  });
});

describe('changing the password and the e-mail address', () => {
  it('needs the current password, and can end the other sessions', async () => {
    const { browser, email } = await signUp();
    const other = browserClient(server);
    await other.auth.signIn.mutate({ email, password: PASSWORD });

    const wrong = await failure(
      browser.account.changePassword.mutate({
        currentPassword: 'nope nope',
        newPassword: 'a fresh passphrase',
        signOutOtherSessions: true,
      }),
    );
    expect(wrong.data?.issues?.[0]?.path).toEqual(['currentPassword']);
    const events = await browser.account.securityActivity.query();
    expect(events[0]?.action).toBe('user.reauthentication_failed');

    const { sessionsEnded } = await browser.account.changePassword.mutate({
      currentPassword: PASSWORD,
      newPassword: 'a fresh passphrase',
      signOutOtherSessions: true,
    });
    expect(sessionsEnded).toBe(1);
    await expect(browser.auth.me.query()).resolves.toMatchObject({ user: { email } });
    expect((await failure(other.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('moves the account to a new address only when the new address confirms', async () => {
    const { browser, email } = await signUp();
    const newEmail = uniqueEmail('moved');
    expect(
      (
        await failure(
          browser.account.requestEmailChange.mutate({ newEmail, password: 'wrong password' }),
        )
      ).data?.code,
    ).toBe('BAD_REQUEST');
    await browser.account.requestEmailChange.mutate({ newEmail, password: PASSWORD });
    expect((await browser.auth.me.query()).user?.email).toBe(email);

    const token = tokenIn((await lastMailTo(services(), newEmail))?.text);
    await browserClient(server).auth.verifyEmail.mutate({ token });
    expect((await browser.auth.me.query()).user).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    expect(await lastMailTo(services(), email, 'Your e-mail address was changed')).toBeDefined();
  });
});

describe('two-factor authentication', () => {
  async function withTwoFactor() {
    const { browser, email } = await signUp();
    const { key } = await browser.account.twoFactor.newKey.query();
    const badCode = await failure(
      browser.account.twoFactor.enable.mutate({ key, code: totpNow(key, 5), password: PASSWORD }),
    );
    expect(badCode.data?.issues?.[0]?.path).toEqual(['code']);
    const noPassword = await failure(
      browser.account.twoFactor.enable.mutate({
        key,
        code: totpNow(key),
        password: 'not my password',
      }),
    );
    expect(noPassword.data?.issues?.[0]?.path).toEqual(['password']);
    // Enabled with the previous step's code, so the current one is still unused.
    const { recoveryCodes } = await browser.account.twoFactor.enable.mutate({
      key,
      code: totpNow(key, -1),
      password: PASSWORD,
    });
    expect(recoveryCodes).toHaveLength(10);
    return { browser, email, key, recoveryCodes };
  }

  it('asks for a code after the password, and the half-signed-in session can do nothing else', async () => {
    const { browser, email, key } = await withTwoFactor();
    const device = browserClient(server);
    expect(await device.auth.signIn.mutate({ email, password: PASSWORD })).toEqual({
      twoFactorRequired: true,
    });
    expect((await failure(device.auth.me.query())).message).toMatch(/second factor/);
    expect((await failure(device.customers.list.query({}))).data?.code).toBe('UNAUTHORIZED');

    expect((await failure(device.auth.verifyTwoFactor.mutate({ code: '000000' }))).data?.code).toBe(
      'BAD_REQUEST',
    );
    const events = await browser.account.securityActivity.query();
    expect(events.map((event) => event.action)).toContain('user.two_factor_failed');
    // The code that turned two-factor on was used: it cannot be used again.
    expect(
      (await failure(device.auth.verifyTwoFactor.mutate({ code: totpNow(key, -1) }))).data?.code,
    ).toBe('BAD_REQUEST');
    await device.auth.verifyTwoFactor.mutate({ code: totpNow(key) });
    await expect(device.auth.me.query()).resolves.toMatchObject({ user: { email } });
  });

  it('accepts each recovery code once instead of a code', async () => {
    const { email, recoveryCodes } = await withTwoFactor();
    const device = browserClient(server);
    await device.auth.signIn.mutate({ email, password: PASSWORD });
    await device.auth.verifyTwoFactor.mutate({ recoveryCode: recoveryCodes[0]!.toUpperCase() });
    await expect(device.account.profile.query()).resolves.toMatchObject({
      twoFactorEnabled: true,
      recoveryCodesLeft: 9,
    });

    const again = browserClient(server);
    await again.auth.signIn.mutate({ email, password: PASSWORD });
    expect(
      (await failure(again.auth.verifyTwoFactor.mutate({ recoveryCode: recoveryCodes[0]! }))).data
        ?.code,
    ).toBe('BAD_REQUEST');
  });

  it('is turned off only with the password', async () => {
    const { browser, email } = await withTwoFactor();
    expect(
      (await failure(browser.account.twoFactor.disable.mutate({ password: 'wrong password' }))).data
        ?.code,
    ).toBe('BAD_REQUEST');
    await browser.account.twoFactor.disable.mutate({ password: PASSWORD });
    expect(await browserClient(server).auth.signIn.mutate({ email, password: PASSWORD })).toEqual({
      twoFactorRequired: false,
    });
  });
});

describe('sessions', () => {
  it('lists sessions with device and address, revokes one, and signs out everywhere', async () => {
    const { browser, email } = await signUp();
    const phone = browserClient(server, () => ({
      'user-agent':
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
    }));
    await phone.auth.signIn.mutate({ email, password: PASSWORD });

    const sessions = await browser.account.sessions.list.query();
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect(other.device).toBe('Safari on iOS');
    expect(other.ipAddress).toBe('127.0.0.1');

    await browser.account.sessions.revoke.mutate({ sessionId: other.id });
    expect((await failure(phone.auth.me.query())).data?.code).toBe('UNAUTHORIZED');

    await phone.auth.signIn.mutate({ email, password: PASSWORD });
    expect(await browser.account.sessions.signOutEverywhere.mutate()).toEqual({ sessionsEnded: 2 });
    for (const session of [browser, phone]) {
      expect((await failure(session.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
    }
  });
});

describe('secrets at rest', () => {
  it('keeps no raw session token, API key, or one-time token anywhere in the database', async () => {
    const { browser, email } = await signUp();
    const token = sessionCookieOf(browser).split('=')[1]!;
    await browser.auth.requestPasswordReset.mutate({ email });
    const key = await browser.apiKeys.create.mutate({ name: 'Scan me', role: 'viewer' });
    const mailTokens = [
      ...new Set(
        [(await lastMailTo(services(), email))?.text]
          .concat(
            (await import('@/server/mail/mailbox'))
              .devMailbox()
              .filter((m) => m.to === email)
              .map((m) => m.text),
          )
          .flatMap((text) => [...(text ?? '').matchAll(/token=([a-z2-7]{52})/g)].map((m) => m[1]!)),
      ),
    ];
    expect(mailTokens.length).toBeGreaterThanOrEqual(2);

    const secrets = [token, token.split('.')[1]!, key.key, ...mailTokens];
    const [{ text: dump }] = (await readUnrestricted<{ text: string }>(
      ownerDb(),
      ['api_keys', 'invitations', 'audit_logs', 'users'],
      sql`
        select string_agg(t::text, ' ') as text from (
          select to_jsonb(s) as t from sessions s union all
          select to_jsonb(a) from api_keys a union all
          select to_jsonb(p) from password_reset_tokens p union all
          select to_jsonb(e) from email_verification_tokens e union all
          select to_jsonb(i) from invitations i union all
          select to_jsonb(l) from audit_logs l union all
          select to_jsonb(j) from pgboss.job j
        ) all_rows`,
    )) as [{ text: string }];
    expect(dump.length).toBeGreaterThan(1000);
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });
});
