import type { SecretBox } from '@/server/crypto/secret-box';

/** The context a connection's client secret is sealed under, so the ciphertext serves nothing else. */
const sealContext = (organizationId: string) => `sso-client-secret:${organizationId}`;

export const sealClientSecret = (box: SecretBox, organizationId: string, secret: string) =>
  box.seal(secret, sealContext(organizationId));

export const openClientSecret = (box: SecretBox, organizationId: string, sealed: string) =>
  box.open(sealed, sealContext(organizationId));
