import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PASSWORD, setupAccounts } from '@/test/accounts';
import { browserClient, trpcFailure } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';
import { lastMailTo, tokenIn } from '@/test/services';

// Passwords and e-mail addresses: choosing, proving, resetting and changing them.
const { services, server, signUp } = setupAccounts();

describe('passwords', () => {
  it('refuses common passwords, the e-mail address as password, and lengths outside 8 to 256', async () => {
    const browser = browserClient(server);
    const email = uniqueEmail();
    for (const password of ['password123', 'qwertyuiop', email, 'short', 'x'.repeat(257)]) {
      const error = await trpcFailure(
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
      (await trpcFailure(anonymous.auth.signIn.mutate({ email, password: almost }))).data?.code,
    ).toBe('UNAUTHORIZED');
  });
});

describe('sign-in', () => {
  it('takes about as long for an unknown address as for a wrong password', async () => {
    const { email } = await signUp();
    const anonymous = browserClient(server);
    const time = async (address: string) => {
      const started = performance.now();
      await trpcFailure(
        anonymous.auth.signIn.mutate({ email: address, password: 'not the password' }),
      );
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
    await trpcFailure(anonymous.auth.signIn.mutate({ email, password: 'wrong password' }));
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
    expect((await trpcFailure(browser.auth.verifyEmail.mutate({ token }))).data?.code).toBe(
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
      (
        await trpcFailure(
          anonymous.auth.resetPassword.mutate({ token, password: 'yet another one!' }),
        )
      ).data?.code,
    ).toBe('BAD_REQUEST');
    for (const session of [browser, other]) {
      expect((await trpcFailure(session.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
    }
    expect(
      (await trpcFailure(anonymous.auth.signIn.mutate({ email, password: PASSWORD }))).data?.code,
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
    const error = await trpcFailure(
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

    const wrong = await trpcFailure(
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
    expect((await trpcFailure(other.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('moves the account to a new address only when the new address confirms', async () => {
    const { browser, email } = await signUp();
    const newEmail = uniqueEmail('moved');
    expect(
      (
        await trpcFailure(
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
