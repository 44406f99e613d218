import type { OrganizationAccess, Principal } from '../context';

/** Who acts, as the membership rules see them: a person (or an API key, no one) with a role. */
export const actingMember = (ctx: { principal: Principal; organization: OrganizationAccess }) => ({
  userId: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
  role: ctx.organization.role,
});

/** Who wrote a timeline entry: a person, or an API key. */
export const authorOf = (principal: Principal) => ({
  authorId: principal.kind === 'user' ? principal.userId : null,
  authorApiKeyId: principal.kind === 'apiKey' ? principal.apiKeyId : null,
});

/** Who acts on a task: a person or an API key, with the role they act in. */
export const taskActor = (ctx: { principal: Principal; organization: OrganizationAccess }) => ({
  ...actingMember(ctx),
  apiKeyId: ctx.principal.kind === 'apiKey' ? ctx.principal.apiKeyId : null,
});
