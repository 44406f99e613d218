import { randomUUID } from 'node:crypto';
import type { Role } from '@/schemas/permissions';
import type { Context, Principal } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { createOrganizationWithOwner } from '@/server/domain/organizations/create-organization';
import type { AppServices } from '@/server/services';
import { insertMembership } from '@/server/db/repositories/organizations';
import { insertUser } from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';

const TEST_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash';
export const TEST_APP_URL = 'http://localhost:3999';

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export interface TestOrganization {
  id: string;
  name: string;
  slug: string;
  ownerId: string;
}

export async function createTestOrganization(
  db: Database,
  name = 'Test Org',
): Promise<TestOrganization> {
  const created = await withIdentity(db, (tx) =>
    createOrganizationWithOwner(
      tx,
      {
        organizationName: name,
        slug: `test-${randomUUID().slice(0, 12)}`,
        owner: { email: uniqueEmail('owner'), name: 'Owner', passwordHash: TEST_PASSWORD_HASH },
      },
      { ipAddress: null, userAgent: null, requestId: null },
    ),
  );
  return { ...created.organization, ownerId: created.userId };
}

/** A new user with the given role in the organization. */
export async function addTestMember(db: Database, organization: TestOrganization, role: Role) {
  return withIdentity(db, async (tx) => {
    const user = await insertUser(tx, {
      email: uniqueEmail(role),
      name: `${role} user`,
      passwordHash: TEST_PASSWORD_HASH,
    });
    await insertMembership(tx, { organizationId: organization.id, userId: user.id, role });
    return user;
  });
}

export function userPrincipal(
  organization: TestOrganization,
  user: { id: string; email?: string; name?: string },
  role: Role,
): Principal {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email ?? 'someone@example.test',
    name: user.name ?? 'Someone',
    emailVerified: true,
    sessionId: 'test-session',
    twoFactorPending: false,
    reauthenticatedAt: null,
    organization: { id: organization.id, name: organization.name, slug: organization.slug, role },
    organizationSsoOnly: false,
    ssoOrganizationId: null,
  };
}

export function testContext(
  services: AppServices,
  principal: Principal | null,
  overrides: Partial<Context> = {},
): Context {
  return {
    services,
    db: services.db,
    door: 'server',
    principal,
    viaCookie: false,
    request: {
      requestId: `test-${randomUUID()}`,
      ipAddress: '203.0.113.7',
      userAgent: 'vitest',
      origin: null,
      secFetchSite: null,
    },
    responseHeaders: new Headers(),
    reads: { fromPrimary: false },
    ...overrides,
  };
}

/** A tRPC caller acting as the organization's owner (or another principal). */
export function callerAs(
  services: AppServices,
  principal: Principal | null,
  overrides: Partial<Context> = {},
) {
  return createCaller(testContext(services, principal, overrides));
}

export function ownerCaller(services: AppServices, organization: TestOrganization) {
  return callerAs(services, userPrincipal(organization, { id: organization.ownerId }, 'owner'));
}

/** A new organization, and a caller acting as its owner. */
export async function organizationWithOwner(services: AppServices, name?: string) {
  const org = await createTestOrganization(services.db, name);
  return { org, api: ownerCaller(services, org) };
}

/** A caller acting as a new member of the organization with this role. */
export async function newMemberCaller(
  services: AppServices,
  organization: TestOrganization,
  role: Role,
) {
  const member = await addTestMember(services.db, organization, role);
  return callerAs(services, userPrincipal(organization, member, role));
}

/** A new organization with its default pipeline, whose stages `stage` finds by name. */
export async function salesOrganization(services: AppServices) {
  const { org, api } = await organizationWithOwner(services);
  const { items } = await api.pipelines.list({});
  const pipeline = items[0]!;
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!;
  return { org, api, pipeline, stage };
}
