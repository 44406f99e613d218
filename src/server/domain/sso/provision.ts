import type { Role } from '@/schemas/permissions';
import { findMembershipRole } from '@/server/db/repositories/organizations';
import type { SsoConnectionWithOrganization } from '@/server/db/repositories/sso-connections';
import { findUserByEmail, insertUser, type User } from '@/server/db/repositories/users';
import type { IdentityTx } from '@/server/db/types';
import type { ClientInfo } from '@/server/domain/accounts/deps';
import { addMember } from '@/server/domain/organizations/members';
import type { SsoIdentity } from '@/server/sso/relying-party';
import { SsoRefusal } from './refusal';

/**
 * The account of the person the provider vouches for, a member of the connection's
 * organization: found by e-mail or created (no password, the address verified by the
 * provider), and added with the connection's default role when not yet a member.
 *
 * An existing account whose address was never verified is not linked: anyone can sign up with
 * an address that is not theirs, and linking would hand that squatter (who knows its password)
 * an account the real owner's provider now signs into.
 */
export async function provisionSsoMember(
  tx: IdentityTx,
  { connection, organization }: SsoConnectionWithOrganization,
  identity: SsoIdentity,
  client: ClientInfo,
): Promise<{ user: User; role: Role; joined: boolean }> {
  const domain = identity.email.split('@').pop()!.toLowerCase();
  if (!connection.allowedDomains.includes(domain)) {
    throw new SsoRefusal(
      `${organization.name} does not sign in addresses at ${domain} through its single sign-on`,
    );
  }
  let user = await findUserByEmail(tx, identity.email);
  if (user && !user.emailVerifiedAt) {
    throw new SsoRefusal(
      `An account for ${identity.email} exists but its address was never confirmed; sign in with its password and confirm the address first`,
    );
  }
  user ??= await insertUser(tx, {
    email: identity.email,
    name: identity.name ?? identity.email.split('@')[0]!,
    passwordHash: null,
    emailVerifiedAt: new Date(),
  });
  const role = await findMembershipRole(tx, organization.id, user.id);
  if (role) return { user, role, joined: false };
  await addMember(
    tx,
    {
      organizationId: organization.id,
      user: { id: user.id, email: user.email },
      role: connection.defaultRole,
      action: 'member.joined_through_sso',
      addedBy: { type: 'system' },
      alreadyMember: `You are already a member of ${organization.name}`,
    },
    client,
  );
  return { user, role: connection.defaultRole, joined: true };
}
