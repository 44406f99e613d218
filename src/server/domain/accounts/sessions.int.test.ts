import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PASSWORD, setupAccounts } from '@/test/accounts';
import { browserClient, sessionCookieOf, trpcFailure } from '@/test/browser-client';
import { setupOwnerDatabase } from '@/test/database';
import { lastMailTo } from '@/test/services';
import { readUnrestricted } from '@/test/unrestricted';

// Sessions as their owner sees and ends them, and the secrets of sessions, keys and links at rest.
const { connection, services, server, signUp } = setupAccounts();
const ownerDb = setupOwnerDatabase(connection);

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
    expect((await trpcFailure(phone.auth.me.query())).data?.code).toBe('UNAUTHORIZED');

    await phone.auth.signIn.mutate({ email, password: PASSWORD });
    expect(await browser.account.sessions.signOutEverywhere.mutate()).toEqual({ sessionsEnded: 2 });
    for (const session of [browser, phone]) {
      expect((await trpcFailure(session.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
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
