import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API_KEY_ROLES,
  can,
  PERMISSION_ROLES,
  ROLES,
  type Permission,
  type Role,
} from '@/schemas/permissions';
import {
  addTestMember,
  callerAs,
  createTestOrganization,
  userPrincipal,
  type TestOrganization,
} from '@/test/factories';
import { setupTestServices } from '@/test/services';
import type { Principal } from './context';
import { appRouter } from './root';
import type { Access } from './trpc';

const { services } = setupTestServices();

interface ProcedureInfo {
  path: string;
  type: string;
  access?: Access;
  permission?: Permission;
}

const procedures: ProcedureInfo[] = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; meta?: { access?: Access; permission?: Permission } } }
  >,
).map(([path, procedure]) => ({
  path,
  type: procedure._def.type,
  access: procedure._def.meta?.access,
  permission: procedure._def.meta?.permission,
}));
const organizationProcedures = procedures.filter((p) => p.access === 'organization');

/** Procedures that refuse API keys whatever their role (checked before the input). */
const PEOPLE_ONLY = new Set([
  'apiKeys.list',
  'apiKeys.create',
  'apiKeys.revoke',
  'members.leave',
  'sso.get',
  'sso.save',
  'sso.remove',
  'sso.check',
  'notifications.list',
  'notifications.unreadCount',
  'notifications.markRead',
  'notifications.markAllRead',
  'views.list',
  'views.create',
  'views.update',
  'views.delete',
  'views.pin',
  'views.setDefault',
]);

async function outcome(principal: Principal, path: string): Promise<string> {
  const caller = callerAs(services(), principal) as unknown as Record<string, unknown>;
  const procedure = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    await (procedure as (input: unknown) => Promise<unknown>)({});
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe('every procedure', () => {
  it('declares how it is reached, and organization procedures declare a permission from the table', () => {
    expect(procedures.length).toBeGreaterThan(30);
    for (const procedure of procedures) {
      expect(procedure.access, procedure.path).toBeDefined();
      if (procedure.access === 'organization') {
        expect(Object.keys(PERMISSION_ROLES), procedure.path).toContain(procedure.permission);
      } else {
        expect(procedure.permission, procedure.path).toBeUndefined();
      }
    }
  });
});

describe('the role × permission matrix', () => {
  const people = new Map<Role, { org: TestOrganization; principal: Principal }>();

  beforeAll(async () => {
    for (const role of ROLES) {
      const org = await createTestOrganization(services().db, `Matrix ${role}`);
      const user =
        role === 'owner' ? { id: org.ownerId } : await addTestMember(services().db, org, role);
      people.set(role, { org, principal: userPrincipal(org, user, role) });
    }
  });

  for (const procedure of organizationProcedures) {
    it(`${procedure.path} (${procedure.permission}) is refused exactly to the roles without it`, async () => {
      for (const role of ROLES) {
        const result = await outcome(people.get(role)!.principal, procedure.path);
        const allowed = can(role, procedure.permission!);
        expect(result === 'FORBIDDEN', `${role} → ${result}`).toBe(!allowed);
      }
    });
  }

  it('applies the same table to API keys, which carry a role below owner', async () => {
    for (const role of API_KEY_ROLES) {
      const { org } = people.get(role)!;
      const key: Principal = {
        kind: 'apiKey',
        apiKeyId: crypto.randomUUID(),
        name: `${role} key`,
        organization: { id: org.id, name: org.name, slug: org.slug, role },
      };
      for (const procedure of organizationProcedures) {
        const result = await outcome(key, procedure.path);
        const allowed = can(role, procedure.permission!) && !PEOPLE_ONLY.has(procedure.path);
        expect(result === 'FORBIDDEN', `${role} key on ${procedure.path} → ${result}`).toBe(
          !allowed,
        );
      }
    }
  });

  it('keeps account procedures to people, and everything but public ones to callers', async () => {
    const { org, principal } = people.get('owner')!;
    const key: Principal = {
      kind: 'apiKey',
      apiKeyId: crypto.randomUUID(),
      name: 'key',
      organization: { id: org.id, name: org.name, slug: org.slug, role: 'admin' },
    };
    for (const procedure of procedures.filter((p) => p.access === 'user')) {
      expect(await outcome(key, procedure.path), procedure.path).toBe('FORBIDDEN');
      expect(await outcome(principal, procedure.path), procedure.path).not.toMatch(
        /FORBIDDEN|UNAUTHORIZED/,
      );
    }
    for (const procedure of procedures.filter((p) => p.access !== 'public')) {
      const anonymous = await outcome(null as unknown as Principal, procedure.path);
      expect(['UNAUTHORIZED', 'BAD_REQUEST'], `${procedure.path} → ${anonymous}`).toContain(
        anonymous,
      );
    }
  });
});
