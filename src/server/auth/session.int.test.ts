import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '@/server/db/schema';
import { withIdentity } from '@/server/db/tenant';
import { setupTestDatabase } from '@/test/database';
import { createTestOrganization } from '@/test/factories';
import {
  createSession,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  validateSessionToken,
} from './session';

const connection = setupTestDatabase();
const HOUR = 60 * 60 * 1000;

async function newSession(now = new Date()) {
  const org = await createTestOrganization(connection().db);
  const session = await withIdentity(connection().db, (tx) =>
    createSession(
      tx,
      {
        userId: org.ownerId,
        activeOrganizationId: org.id,
        ipAddress: '198.51.100.4',
        userAgent: 'test',
      },
      now,
    ),
  );
  return { org, ...session };
}

const validate = (token: string, now: Date) => validateSessionToken(connection().db, token, now);

describe('sessions', () => {
  it('stores only a SHA-256 of the secret, never the token', async () => {
    const { token, sessionId } = await newSession();
    const [row] = await withIdentity(connection().db, (tx) =>
      tx.select().from(sessions).where(eq(sessions.id, sessionId)),
    );
    const secret = token.split('.')[1]!;
    expect(secret).toHaveLength(52); // 32 random bytes in base32
    expect(row!.secretHash).toHaveLength(32);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(Buffer.from(row!.secretHash).toString('hex')).not.toContain(
      Buffer.from(secret).toString('hex'),
    );
  });

  it('validates a token to its user and active organization role', async () => {
    const now = new Date();
    const { token, org } = await newSession(now);
    const session = await validate(token, now);
    expect(session).toMatchObject({
      user: { id: org.ownerId },
      organization: { id: org.id, role: 'owner' },
    });
  });

  it('rejects a token with the right id but a wrong secret', async () => {
    const now = new Date();
    const { sessionId } = await newSession(now);
    expect(await validate(`${sessionId}.${'a'.repeat(52)}`, now)).toBeNull();
    expect(await validate(sessionId, now)).toBeNull();
    expect(await validate(`${sessionId}.x.y`, now)).toBeNull();
  });

  it('ends after the idle timeout without use, and slides forward with use', async () => {
    const start = new Date();
    const { token } = await newSession(start);
    const later = new Date(start.getTime() + SESSION_IDLE_TIMEOUT_MS - HOUR);
    expect(await validate(token, later)).not.toBeNull();
    // Used just before the idle limit, it lives another idle period from then.
    expect(
      await validate(token, new Date(later.getTime() + SESSION_IDLE_TIMEOUT_MS - HOUR)),
    ).not.toBeNull();

    const { token: idle } = await newSession(start);
    expect(
      await validate(idle, new Date(start.getTime() + SESSION_IDLE_TIMEOUT_MS + 1)),
    ).toBeNull();
  });

  it('ends at its absolute lifetime however active it is, and is deleted', async () => {
    const start = new Date();
    const { token, sessionId } = await newSession(start);
    for (let t = 0; t < SESSION_ABSOLUTE_LIFETIME_MS; t += SESSION_IDLE_TIMEOUT_MS / 2) {
      expect(await validate(token, new Date(start.getTime() + t))).not.toBeNull();
    }
    expect(
      await validate(token, new Date(start.getTime() + SESSION_ABSOLUTE_LIFETIME_MS)),
    ).toBeNull();
    const rows = await withIdentity(connection().db, (tx) =>
      tx.select().from(sessions).where(eq(sessions.id, sessionId)),
    );
    expect(rows).toEqual([]);
  });
});
