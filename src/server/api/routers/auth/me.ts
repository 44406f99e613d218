import { meOutput, type Me } from '@/schemas/auth';
import { permissionsOf } from '@/schemas/permissions';
import { authenticatedProcedure } from '../../trpc';

export const me = authenticatedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/me',
      tags: ['Organization'],
      summary: 'Who am I',
      description: "The calling API key's organization, role and permissions.",
      protect: true,
    },
  })
  .output(meOutput)
  .query(({ ctx }): Me => {
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
      organization: organization
        ? { id: organization.id, slug: organization.slug, name: organization.name }
        : null,
      role: organization?.role ?? null,
      permissions: organization ? permissionsOf(organization.role) : [],
    };
  });
