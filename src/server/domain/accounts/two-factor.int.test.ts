import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { TOTP_PERIOD_SECONDS } from '@/server/auth/two-factor';
import { PASSWORD, setupAccounts } from '@/test/accounts';
import { browserClient, trpcFailure } from '@/test/browser-client';

// A second factor after the password: TOTP codes and recovery codes.
const { server, signUp } = setupAccounts();

const stepNow = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
const totpAt = (key: string, step: number) =>
  generateHOTP(decodeBase32IgnorePadding(key), BigInt(step), 6);
const totpNow = (key: string, offsetSteps = 0) => totpAt(key, stepNow() + offsetSteps);

describe('two-factor authentication', () => {
  async function withTwoFactor() {
    const { browser, email } = await signUp();
    const { key } = await browser.account.twoFactor.newKey.query();
    const badCode = await trpcFailure(
      browser.account.twoFactor.enable.mutate({ key, code: totpNow(key, 5), password: PASSWORD }),
    );
    expect(badCode.data?.issues?.[0]?.path).toEqual(['code']);
    const noPassword = await trpcFailure(
      browser.account.twoFactor.enable.mutate({
        key,
        code: totpNow(key),
        password: 'not my password',
      }),
    );
    expect(noPassword.data?.issues?.[0]?.path).toEqual(['password']);
    // Enabled with the previous step's code, so the current one is still unused.
    const enabledStep = stepNow() - 1;
    const { recoveryCodes } = await browser.account.twoFactor.enable.mutate({
      key,
      code: totpAt(key, enabledStep),
      password: PASSWORD,
    });
    expect(recoveryCodes).toHaveLength(10);
    return { browser, email, key, recoveryCodes, enabledStep };
  }

  it('asks for a code after the password, and the half-signed-in session can do nothing else', async () => {
    const { browser, email, key, enabledStep } = await withTwoFactor();
    const device = browserClient(server);
    expect(await device.auth.signIn.mutate({ email, password: PASSWORD })).toEqual({
      twoFactorRequired: true,
    });
    expect((await trpcFailure(device.auth.me.query())).message).toMatch(/second factor/);
    expect((await trpcFailure(device.customers.list.query({}))).data?.code).toBe('UNAUTHORIZED');

    expect(
      (await trpcFailure(device.auth.verifyTwoFactor.mutate({ code: '000000' }))).data?.code,
    ).toBe('BAD_REQUEST');
    const events = await browser.account.securityActivity.query();
    expect(events.map((event) => event.action)).toContain('user.two_factor_failed');
    // The code that turned two-factor on was used: it cannot be used again (named by its step,
    // as the clock may have moved on to the next step since).
    expect(
      (await trpcFailure(device.auth.verifyTwoFactor.mutate({ code: totpAt(key, enabledStep) })))
        .data?.code,
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
      (await trpcFailure(again.auth.verifyTwoFactor.mutate({ recoveryCode: recoveryCodes[0]! })))
        .data?.code,
    ).toBe('BAD_REQUEST');
  });

  it('is turned off only with the password', async () => {
    const { browser, email } = await withTwoFactor();
    expect(
      (await trpcFailure(browser.account.twoFactor.disable.mutate({ password: 'wrong password' })))
        .data?.code,
    ).toBe('BAD_REQUEST');
    await browser.account.twoFactor.disable.mutate({ password: PASSWORD });
    expect(await browserClient(server).auth.signIn.mutate({ email, password: PASSWORD })).toEqual({
      twoFactorRequired: false,
    });
  });
});
