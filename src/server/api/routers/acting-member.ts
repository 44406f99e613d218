import type { OrganizationAccess, Principal } from '../context';

/** The person a caller acts for: a signed-in person, or the person who connected an OAuth app. */
export const personOf = (principal: Principal): string | null =>
  principal.kind === 'apiKey' ? null : principal.userId;

/** Who acts, as the membership rules see them: a person (or an API key, no one) with a role. */
export const actingMember = (ctx: { principal: Principal; organization: OrganizationAccess }) => ({
  userId: personOf(ctx.principal),
  role: ctx.organization.role,
});

/** Who wrote a timeline entry: a person, or an API key. */
export const authorOf = (principal: Principal) => ({
  authorId: personOf(principal),
  authorApiKeyId: principal.kind === 'apiKey' ? principal.apiKeyId : null,
});

/** Who acts on a task: a person or an API key, with the role they act in. */
export const taskActor = (ctx: { principal: Principal; organization: OrganizationAccess }) => ({
  ...actingMember(ctx),
  apiKeyId: ctx.principal.kind === 'apiKey' ? ctx.principal.apiKeyId : null,
});
