import { assertMayInvite } from '@/server/domain/organizations/invitations';
import type { Context, OrganizationAccess } from '../../context';
import { enforceRateLimit } from '../../rate-limit';

/** Who is inviting: a person (within their invitation rate limit) or an API key. */
export async function inviterOf(ctx: Context & { organization: OrganizationAccess }) {
  const { principal } = ctx;
  if (principal?.kind === 'user') {
    assertMayInvite(principal);
    await enforceRateLimit(ctx, 'invitation:user', principal.userId);
    return { userId: principal.userId, name: principal.name, role: ctx.organization.role };
  }
  return {
    userId: null,
    name: principal?.kind === 'apiKey' ? principal.name : 'Clientele',
    role: ctx.organization.role,
  };
}
