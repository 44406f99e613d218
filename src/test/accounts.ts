import { expect } from 'vitest';
import type { Role } from '@/schemas/permissions';
import { setupApiServer } from './api-server';
import { browserClient, signUpInBrowser, type BrowserClient } from './browser-client';
import { uniqueEmail } from './factories';
import { lastMailTo, tokenIn } from './services';

export const PASSWORD = 'correct horse battery staple';

/**
 * The test file's API server, and the people who sign up on it, each in a browser of their
 * own, with the e-mails the server sends them.
 */
export function setupAccounts() {
  const { connection, services, server } = setupApiServer();

  /** A new account with an organization of its own, signed in. */
  async function signUp(
    email = uniqueEmail(),
    password = PASSWORD,
    name = 'Robin',
    organizationName = 'Robin Co',
  ) {
    return signUpInBrowser(server, { name, email, password, organizationName });
  }

  /** A signed-up owner of Olive Ltd whose address is verified (inviting needs it). */
  async function owner() {
    const { browser, email } = await signUp(
      uniqueEmail('owner'),
      PASSWORD,
      'Olive Owner',
      'Olive Ltd',
    );
    const token = tokenIn(
      (await lastMailTo(services(), email, 'Verify your e-mail address'))?.text,
    );
    await browser.auth.verifyEmail.mutate({ token });
    return { browser, email };
  }

  /** The token of the invitation mailed to the address last. */
  async function invitationToken(email: string) {
    const mail = await lastMailTo(services(), email);
    expect(mail?.subject).toMatch(/invited you to/);
    return tokenIn(mail?.text);
  }

  /** Invites someone new and has them join with a new account. */
  async function teammate(inviter: BrowserClient, role: Exclude<Role, 'owner'>) {
    const email = uniqueEmail(role);
    await inviter.invitations.create.mutate({ email, role });
    const browser = browserClient(server);
    await browser.invitations.acceptWithSignUp.mutate({
      token: await invitationToken(email),
      name: `${role} person`,
      password: PASSWORD,
    });
    const me = await browser.auth.me.query();
    return { browser, email, userId: me.user!.id };
  }

  return { connection, services, server, signUp, owner, invitationToken, teammate };
}
