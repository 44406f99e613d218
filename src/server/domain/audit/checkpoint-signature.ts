import {
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';

/**
 * A signed statement that an organization's audit chain had `sequence` rows ending in `hash` at
 * `at`. Kept outside the database, it shows a chain that was cut short, or wiped with its head
 * and begun anew, which the chain alone cannot (see verify-chain.ts).
 */
export const auditCheckpoint = z.object({
  type: z.literal('clientele.audit-checkpoint'),
  organizationId: z.uuid(),
  sequence: z.number().int().positive(),
  /** The hash of row `sequence`, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  /** Ed25519 over checkpointMessage(), base64url. */
  signature: z.string().min(1),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpoint>;

export type UnsignedCheckpoint = Omit<AuditCheckpoint, 'type' | 'signature'>;

export interface CheckpointKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as the verifier takes it: the raw 32 bytes, base64url. */
  publicKeyText: string;
}

/** PKCS #8 for an Ed25519 private key, up to its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The signing key: AUDIT_CHECKPOINT_KEY (32 random bytes, base64) as an Ed25519 seed, else a
 * seed derived from ENCRYPTION_KEY with HKDF, so checkpoints are signed out of the box and the
 * two keys are never the same bytes.
 */
export function checkpointKeys(settings: {
  checkpointKey?: string;
  encryptionKey: string;
}): CheckpointKeys {
  const seed = settings.checkpointKey
    ? Buffer.from(settings.checkpointKey, 'base64')
    : Buffer.from(
        hkdfSync(
          'sha256',
          Buffer.from(settings.encryptionKey, 'base64'),
          Buffer.alloc(0),
          'clientele audit checkpoints',
          32,
        ),
      );
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyText: publicKey.export({ format: 'jwk' }).x! };
}

/** A public key given as text: the raw 32 bytes in base64 or base64url. */
export function parsePublicKey(text: string): KeyObject {
  const raw = Buffer.from(text.trim(), 'base64');
  if (raw.length !== 32) throw new Error('is not an Ed25519 public key (32 bytes, base64)');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

/** What is signed: every field, in a fixed order, under the record's type. */
function checkpointMessage(checkpoint: UnsignedCheckpoint): Buffer {
  return Buffer.from(
    JSON.stringify([
      'clientele.audit-checkpoint',
      checkpoint.organizationId,
      checkpoint.sequence,
      checkpoint.hash,
      checkpoint.at,
    ]),
  );
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, key: KeyObject): AuditCheckpoint {
  return {
    type: 'clientele.audit-checkpoint',
    organizationId: checkpoint.organizationId,
    sequence: checkpoint.sequence,
    hash: checkpoint.hash,
    at: checkpoint.at,
    signature: sign(null, checkpointMessage(checkpoint), key).toString('base64url'),
  };
}

export function checkpointSignedBy(checkpoint: AuditCheckpoint, key: KeyObject): boolean {
  return verify(
    null,
    checkpointMessage(checkpoint),
    key,
    Buffer.from(checkpoint.signature, 'base64url'),
  );
}
