import { hashPassword } from '@/server/auth/password';
import { assertAcceptablePassword } from '@/server/auth/password-policy';
import { createSession, type NewSession } from '@/server/auth/session';
import { withIdentity } from '@/server/db/tenant';
import {
  createOrganizationWithOwner,
  type NewOrganizationWithOwner,
} from '../organizations/create-organization';
import type { AccountDeps } from './deps';
import { queueEmailVerification } from './email-verification';

/** A new person with a new organization they own, signed in; a verification e-mail is queued. */
export async function signUp(
  deps: AccountDeps,
  input: { name: string; email: string; password: string; organizationName: string },
): Promise<NewSession & NewOrganizationWithOwner> {
  await deps.throttle('sign-up:ip', deps.client.ipAddress ?? 'unknown');
  assertAcceptablePassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return withIdentity(deps.db, async (tx) => {
    const created = await createOrganizationWithOwner(
      tx,
      {
        organizationName: input.organizationName,
        owner: { email: input.email, name: input.name, passwordHash },
      },
      deps.client,
    );
    await queueEmailVerification(deps, tx, {
      id: created.userId,
      name: input.name,
      email: input.email,
    });
    const session = await createSession(tx, {
      userId: created.userId,
      activeOrganizationId: created.organization.id,
      ipAddress: deps.client.ipAddress,
      userAgent: deps.client.userAgent,
    });
    return { ...created, ...session };
  });
}
