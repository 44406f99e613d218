import { randomToken, sameHash, sha256Of } from '@/server/auth/tokens';

/**
 * Client ids are public and prefixed so people can tell them from keys; secrets carry 256
 * random bits, so SHA-256 is enough to store them (as with API keys), and are shown once.
 */
const CLIENT_ID_PREFIX = 'clt_app_';
const CLIENT_SECRET_PREFIX = 'clt_secret_';

export const generateClientId = () => `${CLIENT_ID_PREFIX}${randomToken(16)}`;

export function generateClientSecret() {
  const secret = `${CLIENT_SECRET_PREFIX}${randomToken(32)}`;
  return { secret, hash: hashClientSecret(secret) };
}

export const hashClientSecret = (secret: string) => sha256Of(secret);

/** Whether a secret a client sent is the one whose hash is stored (in constant time). */
export const clientSecretMatches = (secret: string, storedHash: Uint8Array) =>
  sameHash(hashClientSecret(secret), storedHash);
