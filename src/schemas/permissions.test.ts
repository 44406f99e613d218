import { describe, expect, it } from 'vitest';
import { API_KEY_ROLES, PERMISSION_ROLES, ROLES } from './permissions';

/** The permission table of the design document, transcribed independently. */
const DESIGN: Record<string, string> = {
  'customers:read': 'owner admin manager member viewer',
  'interactions:read': 'owner admin manager member viewer',
  'orders:read': 'owner admin manager member viewer',
  'members:read': 'owner admin manager member viewer',
  'customers:write': 'owner admin manager member',
  'interactions:write': 'owner admin manager member',
  'orders:write': 'owner admin manager',
  'customers:delete': 'owner admin manager',
  'customers:restore': 'owner admin manager',
  'data:import': 'owner admin manager',
  'data:export': 'owner admin manager',
  'customers:erase': 'owner admin',
  'members:manage': 'owner admin',
  'audit:read': 'owner admin',
  'api-keys:manage': 'owner admin',
  'webhooks:manage': 'owner admin',
  'org:manage': 'owner admin',
  'companies:read': 'owner admin manager member viewer',
  'companies:write': 'owner admin manager member',
  'companies:delete': 'owner admin manager',
  'companies:restore': 'owner admin manager',
  'companies:merge': 'owner admin manager',
  'deals:read': 'owner admin manager member viewer',
  'deals:write': 'owner admin manager member',
  'deals:delete': 'owner admin manager',
  'tasks:read': 'owner admin manager member viewer',
  'tasks:write': 'owner admin manager member',
  'tasks:manage': 'owner admin manager',
  'notifications:read': 'owner admin manager member viewer',
  'pipelines:manage': 'owner admin',
  'apps:manage': 'owner admin',
  'sso:manage': 'owner admin',
  'org:delete': 'owner',
  'org:transfer': 'owner',
};

describe('the permission table', () => {
  it('is the design table', () => {
    const table = Object.fromEntries(
      Object.entries(PERMISSION_ROLES).map(([permission, roles]) => [permission, roles.join(' ')]),
    );
    expect(table).toEqual(DESIGN);
  });

  it('never lets an API key be an owner', () => {
    expect(API_KEY_ROLES).toEqual(ROLES.filter((role) => role !== 'owner'));
  });
});
