import type { OAuthAppKind } from '@/schemas/oauth-apps';
import { AppError } from '@/server/errors';
import type { Principal } from '../../context';
import { personOf } from '../acting-member';
import { organizationProcedure } from '../../trpc';

/** Registering apps and seeing their grants: owners and admins (apps:manage). */
export const appsProcedure = organizationProcedure.meta({ permission: 'apps:manage' });

/**
 * A client-credentials app's secret is a credential acting on its own, like an API key: only a
 * person (signed in, or through an app they connected) may obtain one, so that a leaked key or
 * app token cannot mint itself a successor that outlives its revocation. Apps that act for
 * people need each person's consent, so keys may manage those.
 */
export function assertMayIssueSecretOf(principal: Principal, kind: OAuthAppKind) {
  if (kind === 'client_credentials' && personOf(principal) === null) {
    throw new AppError(
      'FORBIDDEN',
      "Only a person can obtain a client-credentials app's secret, not an API key or an app",
    );
  }
}
