import {
  destroyOAuthGrant,
  findGrantOfPerson,
  listGrantsOfPerson,
} from '@/server/db/repositories/oauth-records';
import { organizations } from '@/server/db/schema';
import { withIdentity } from '@/server/db/tenant';
import { inArray } from 'drizzle-orm';
import { recordSecurityEvent } from '@/server/domain/accounts/security-events';
import type { AccountDeps } from '@/server/domain/accounts/deps';
import { AppError } from '@/server/errors';
import { scopesOfGrant } from './grant-scopes';

/** The apps a person connected, in any organization, with what each may do. */
export async function connectedAppsOf(deps: AccountDeps, userId: string) {
  return withIdentity(deps.db, async (tx) => {
    const grants = await listGrantsOfPerson(tx, userId);
    const ids = [...new Set(grants.map((grant) => grant.app.organizationId))];
    const orgs = ids.length
      ? await tx
          .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
          .from(organizations)
          .where(inArray(organizations.id, ids))
      : [];
    return grants.map(({ grantId, payload, createdAt, app }) => {
      const organization = orgs.find((org) => org.id === app.organizationId)!;
      return {
        grantId,
        app: { name: app.name, logoUrl: app.logoUrl, clientId: app.clientId },
        organization: { name: organization.name, slug: organization.slug },
        scopes: scopesOfGrant(payload),
        createdAt,
      };
    });
  });
}

/** Ends one of the person's grants, and the tokens issued under it. */
export async function disconnectApp(deps: AccountDeps, userId: string, grantId: string) {
  await withIdentity(deps.db, async (tx) => {
    const grant = await findGrantOfPerson(tx, userId, grantId);
    if (!grant) throw new AppError('NOT_FOUND', 'No such connected app');
    await destroyOAuthGrant(tx, grantId);
    await recordSecurityEvent(
      tx,
      {
        action: 'user.app_disconnected',
        subjectUserId: userId,
        details: { clientId: grant.app.clientId, app: grant.app.name },
      },
      deps.client,
    );
  });
}
