import { meOutput, type Me } from '@/schemas/auth';
import { permissionsOf } from '@/schemas/permissions';
import { findOrganizationWithTwin } from '@/server/domain/sandbox/twins';
import { authenticatedProcedure } from '../../trpc';

export const me = authenticatedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/me',
      tags: ['Organization'],
      summary: 'Who am I',
      description:
        "The calling API key's organization (and whether it is a sandbox), role and permissions.",
      protect: true,
    },
  })
  .output(meOutput)
  .query(async ({ ctx }): Promise<Me> => {
    const { principal } = ctx;
    const organization = principal.organization;
    return {
      user:
        principal.kind === 'user'
          ? {
              id: principal.userId,
              email: principal.email,
              name: principal.name,
              emailVerified: principal.emailVerified,
            }
          : null,
      apiKey: principal.kind === 'apiKey' ? { id: principal.apiKeyId, name: principal.name } : null,
      organization: organization ? await findOrganizationWithTwin(ctx.db, organization.id) : null,
      role: organization?.role ?? null,
      permissions: organization
        ? permissionsOf(organization.role).filter(
            (permission) => principal.kind !== 'oauth' || principal.scopes.includes(permission),
          )
        : [],
    };
  });
