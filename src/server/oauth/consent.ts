import { can, type Permission } from '@/schemas/permissions';
import { isOAuthScope } from '@/schemas/oauth-apps';
import { findOAuthAppByClientId } from '@/server/db/repositories/oauth-apps';
import { findOAuthRecord } from '@/server/db/repositories/oauth-records';
import { findMembershipRole } from '@/server/db/repositories/organizations';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';

/** The parts of oidc-provider's Interaction record a consent reads. */
interface InteractionPayload {
  params: { client_id?: string; redirect_uri?: string };
  prompt: {
    name: string;
    details: { missingResourceScopes?: Record<string, string[]>; missingOIDCScope?: string[] };
  };
  session?: { accountId?: string };
}

export interface ConsentRequest {
  uid: string;
  app: { name: string; logoUrl: string | null; clientId: string };
  organization: { id: string; name: string; slug: string };
  /** Where the person will be sent back to. */
  redirectUri: string | null;
  /** Whether the person works in the app's organization (else nothing can be granted). */
  member: boolean;
  /** What the app asks for that the person's role allows: what a grant will hold. */
  granted: Permission[];
  /** What the app asks for that the person's role does not allow: left out. */
  withheld: Permission[];
  /** The grant, per API (resource). */
  resourceScopes: Record<string, Permission[]>;
  /** offline_access and the like, granted as asked. */
  otherScopes: string[];
}

/**
 * What an app waiting for consent (interaction `uid`) asks of the signed-in person, bounded by
 * their role in the app's organization. Null when the interaction is over, or is someone
 * else's.
 */
export async function consentRequestOf(
  db: Database,
  uid: string,
  userId: string,
): Promise<ConsentRequest | null> {
  return withIdentity(db, async (tx) => {
    const record = await findOAuthRecord(tx, 'Interaction', { id: uid });
    const interaction = record?.payload as InteractionPayload | undefined;
    if (!interaction || interaction.prompt.name !== 'consent') return null;
    if (interaction.session?.accountId !== userId) return null;
    const found = interaction.params.client_id
      ? await findOAuthAppByClientId(tx, interaction.params.client_id)
      : undefined;
    if (!found) return null;
    const role = await findMembershipRole(tx, found.app.organizationId, userId);
    const allowed = (scope: string): scope is Permission =>
      isOAuthScope(scope) && found.app.scopes.includes(scope) && Boolean(role && can(role, scope));
    const resourceScopes: Record<string, Permission[]> = {};
    const granted = new Set<Permission>();
    const withheld = new Set<Permission>();
    for (const [resource, scopes] of Object.entries(
      interaction.prompt.details.missingResourceScopes ?? {},
    )) {
      resourceScopes[resource] = scopes.filter(allowed);
      for (const scope of scopes) {
        if (allowed(scope)) granted.add(scope);
        else if (isOAuthScope(scope)) withheld.add(scope);
      }
    }
    return {
      uid,
      app: { name: found.app.name, logoUrl: found.app.logoUrl, clientId: found.app.clientId },
      organization: found.organization,
      redirectUri: interaction.params.redirect_uri ?? null,
      member: Boolean(role),
      granted: [...granted],
      withheld: [...withheld],
      resourceScopes,
      otherScopes: interaction.prompt.details.missingOIDCScope ?? [],
    };
  });
}
