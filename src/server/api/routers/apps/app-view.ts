import type { OAuthAppView } from '@/schemas/oauth-apps';
import type { OAuthAppRow } from '@/server/db/repositories/oauth-apps';

/** An app as its admins see it: never its secret's hash. */
export const appView = ({
  secretHash: _,
  organizationId: __,
  createdById: ___,
  ...app
}: OAuthAppRow): OAuthAppView => app;
