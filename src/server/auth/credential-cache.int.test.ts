import { expect, it } from 'vitest';
import { resolvePrincipal } from '@/server/api/principal';
import { createTestApiKey } from '@/test/api-keys';
import { organizationWithOwner } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

/** The organization a key stands for, through this process's credential cache. */
async function organizationOfKey(key: string) {
  const principal = await resolvePrincipal(
    services().db,
    { authorization: `Bearer ${key}`, cookie: null },
    false,
    undefined,
    services().credentials,
  );
  return principal?.organization;
}

// A key's principal carries its organization's name (invitation e-mails sent with the key say
// it): a rename must reach a key that is already cached.
it("gives a cached key its organization's new name once renamed", async () => {
  const { org, api } = await organizationWithOwner(services());
  const { key } = await createTestApiKey(services().db, org.id);
  expect((await organizationOfKey(key))?.name).toBe(org.name);
  expect(services().credentials.apiKeys.size).toBeGreaterThan(0);

  await api.organizations.rename({ name: 'Renamed While Cached' });
  await expect.poll(async () => (await organizationOfKey(key))?.name).toBe('Renamed While Cached');
});

// The instance that revokes a key forgets it as the revocation commits, not when its listener
// hears the announcement: the next request may come at once.
it('refuses a cached key as soon as its revocation through this instance has returned', async () => {
  const { org, api } = await organizationWithOwner(services());
  const { id, key } = await createTestApiKey(services().db, org.id);
  expect(await organizationOfKey(key)).toBeDefined();

  await api.apiKeys.revoke({ id });

  await expect(organizationOfKey(key)).rejects.toThrow('Invalid or revoked API key');
});
