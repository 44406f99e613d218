import type { SsoConnectionInput } from '@/schemas/sso';
import type { SecretBox } from '@/server/crypto/secret-box';
import { sameValue } from '@/server/db/repositories/changes';
import {
  findSsoConnection,
  saveSsoConnection,
  type SsoConnectionRow,
} from '@/server/db/repositories/sso-connections';
import type { TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';
import { sealClientSecret } from './client-secret';

/** A connection as people and the audit trail see it: never its secret. */
export function ssoConnectionView(row: SsoConnectionRow) {
  return {
    id: row.id,
    issuer: row.issuer,
    clientId: row.clientId,
    allowedDomains: row.allowedDomains,
    defaultRole: row.defaultRole as Exclude<SsoConnectionRow['defaultRole'], 'owner'>,
    ssoOnly: row.ssoOnly,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A connection as its audit rows record it: the view without its timestamps. */
export function ssoConnectionAudit(row: SsoConnectionRow) {
  const { createdAt: _c, updatedAt: _u, ...audited } = ssoConnectionView(row);
  return audited;
}

/**
 * Creates or replaces the organization's connection. The secret is write-only: an empty one
 * keeps the secret saved before, and the first save needs one.
 */
export async function saveSsoSettings(tx: TenantTx, box: SecretBox, input: SsoConnectionInput) {
  const existing = await findSsoConnection(tx);
  const secret = input.clientSecret.trim();
  if (!secret && !existing) {
    throw new AppError('BAD_REQUEST', 'The client secret is required', {
      issues: [{ path: ['clientSecret'], message: 'is required' }],
    });
  }
  const saved = await saveSsoConnection(tx, {
    issuer: input.issuer,
    clientId: input.clientId,
    sealedClientSecret: secret
      ? sealClientSecret(box, tx.organizationId, secret)
      : existing!.sealedClientSecret,
    allowedDomains: input.allowedDomains,
    defaultRole: input.defaultRole,
    ssoOnly: input.ssoOnly,
  });
  const before = existing ? ssoConnectionAudit(existing) : null;
  const after = ssoConnectionAudit(saved);
  return {
    connection: ssoConnectionView(saved),
    created: !existing,
    changed: Boolean(secret) || !sameValue(before, after),
    audit: { before, after, secretChanged: Boolean(secret) },
  };
}
