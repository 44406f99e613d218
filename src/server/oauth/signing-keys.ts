import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomToken } from '@/server/auth/tokens';
import type { SecretBox } from '@/server/crypto/secret-box';
import {
  deleteExpiredSigningKeys,
  insertSigningKey,
  listPublishedSigningKeys,
  lockSigningKeys,
  retireSigningKey,
  type OAuthSigningKeyRow,
} from '@/server/db/repositories/oauth-signing-keys';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';

export const SIGNING_ALGORITHM = 'ES256';
/** Access tokens live ten minutes; a retired key stays published a little longer than that. */
export const ACCESS_TOKEN_TTL_SECONDS = 600;
const RETIRED_KEY_GRACE_MS = (ACCESS_TOKEN_TTL_SECONDS + 300) * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SigningKeySet {
  /** Private keys, newest first: the first signs, the others only stay published. */
  privateKeys: JWK[];
  publicKeys: JWK[];
  /** The kids in order: a new value means the set changed. */
  version: string;
}

const SEAL_CONTEXT = 'oauth-signing-key';

/**
 * The signing keys, rotated when the newest is `rotateAfterDays` old: a new key signs from then
 * on, and the previous one stays in the JWKS until the tokens it signed have expired. The
 * first instance to find the set missing or due makes the new key, under a lock.
 */
export async function loadSigningKeys(
  db: Database,
  secretBox: SecretBox,
  rotateAfterDays: number,
  now = new Date(),
): Promise<SigningKeySet> {
  // A key sealed under another ENCRYPTION_KEY (changed since) cannot sign: one is made anew.
  const privateOf = (row: OAuthSigningKeyRow): JWK | null => {
    try {
      return JSON.parse(secretBox.open(row.sealedPrivateJwk, SEAL_CONTEXT)) as JWK;
    } catch {
      return null;
    }
  };
  const due = (rows: OAuthSigningKeyRow[]) => {
    const newest = rows.find((row) => !row.retiredAt);
    return (
      !newest ||
      !privateOf(newest) ||
      now.getTime() - newest.createdAt.getTime() >= rotateAfterDays * DAY_MS
    );
  };
  const rows = await withIdentity(db, async (tx) => {
    let published = await listPublishedSigningKeys(tx, now);
    if (!due(published)) return published;
    await lockSigningKeys(tx);
    published = await listPublishedSigningKeys(tx, now);
    if (!due(published)) return published;
    await deleteExpiredSigningKeys(tx, now);
    for (const row of published.filter((key) => !key.retiredAt)) {
      await retireSigningKey(tx, row.kid, now, new Date(now.getTime() + RETIRED_KEY_GRACE_MS));
    }
    await insertSigningKey(tx, { ...(await newSigningKey(secretBox)), createdAt: now });
    return listPublishedSigningKeys(tx, now);
  });
  const signing = rows.filter((row) => !row.retiredAt);
  const ordered = [...signing, ...rows.filter((row) => row.retiredAt)];
  return {
    privateKeys: ordered.map(privateOf).filter((key) => key !== null),
    publicKeys: ordered.map((row) => row.publicJwk as JWK),
    version: ordered.map((row) => row.kid).join(','),
  };
}

async function newSigningKey(secretBox: SecretBox) {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = randomToken(10);
  const common = { kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), ...common };
  const privateJwk = { ...(await exportJWK(privateKey)), ...common };
  return {
    kid,
    publicJwk,
    sealedPrivateJwk: secretBox.seal(JSON.stringify(privateJwk), SEAL_CONTEXT),
  };
}
