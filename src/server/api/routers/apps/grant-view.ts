import type { OAuthGrantView } from '@/schemas/oauth-apps';
import type { OrganizationGrant } from '@/server/db/repositories/oauth-records';
import { scopesOfGrant } from '@/server/domain/oauth/grant-scopes';

/** A person's grant as the organization's admins see it: what it allows, not how it is stored. */
export const grantView = ({
  grantId,
  payload,
  createdAt,
  app,
  user,
}: OrganizationGrant): OAuthGrantView => ({
  grantId,
  app: { id: app.id, name: app.name },
  user,
  scopes: scopesOfGrant(payload),
  createdAt,
});
