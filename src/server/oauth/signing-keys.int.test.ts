import { describe, expect, it } from 'vitest';
import { setupApiServer } from '@/test/api-server';
import { setupPrivateTestDatabase } from '@/test/database';
import { loadSigningKeys } from './signing-keys';

const { services, server } = setupApiServer();
// The keys of its own: other test files' servers keep keys in the run's shared database.
const privateDatabase = setupPrivateTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

describe('the access-token signing keys', () => {
  it('rotate when due, keeping the previous key published until its tokens have expired', async () => {
    const { db } = privateDatabase();
    const { secretBox } = services();
    const start = new Date(Date.now() + 400 * DAY);
    const first = await loadSigningKeys(db, secretBox, 30, start);
    expect(await loadSigningKeys(db, secretBox, 30, new Date(start.getTime() + DAY))).toEqual(
      first,
    );

    const rotatedAt = new Date(start.getTime() + 31 * DAY);
    const rotated = await loadSigningKeys(db, secretBox, 30, rotatedAt);
    const [signing, previous] = rotated.publicKeys;
    expect(rotated.publicKeys).toHaveLength(2);
    expect(previous!.kid).toBe(first.publicKeys[0]!.kid);
    expect(signing!.kid).not.toBe(previous!.kid);
    expect(rotated.privateKeys[0]!.kid).toBe(signing!.kid);

    // Ten minutes of tokens, and five of leeway, after the rotation: the old key is gone.
    const later = await loadSigningKeys(
      db,
      secretBox,
      30,
      new Date(rotatedAt.getTime() + 16 * 60_000),
    );
    expect(later.publicKeys.map((key) => key.kid)).toEqual([signing!.kid]);
  });

  it('publishes only the public parts at /.well-known/jwks.json', async () => {
    const res = await fetch(`${server.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });
});
