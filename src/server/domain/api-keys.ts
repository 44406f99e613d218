import { generateApiKey } from '@/server/auth/api-key';
import type { Role } from '@/schemas/permissions';
import { insertApiKey } from '@/server/db/repositories/api-keys';
import { isSandboxOrganization } from '@/server/db/repositories/organizations';
import type { IdentityTx, TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';

export interface IssuedApiKey {
  id: string;
  /** The secret itself: shown once, never stored. */
  key: string;
  prefix: string;
  name: string;
  role: Role;
  expiresAt: Date | null;
}

/**
 * Issues a key for an organization; only its hash is kept. A sandbox's keys start `clt_test_`. The caller audits it in the same
 * transaction (an organization procedure through ctx.audit, the CLI directly).
 */
export async function issueApiKey(
  tx: TenantTx | IdentityTx,
  input: {
    organizationId: string;
    name: string;
    role: Role;
    createdById: string | null;
    expiresAt?: Date | null;
  },
): Promise<IssuedApiKey> {
  if (input.role === 'owner') {
    throw new AppError('BAD_REQUEST', 'An API key cannot carry the owner role', {
      issues: [{ path: ['role'], message: 'must be a role below owner' }],
    });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', 'The expiry must be in the future', {
      issues: [{ path: ['expiresAt'], message: 'must be in the future' }],
    });
  }
  const generated = generateApiKey({
    sandbox: await isSandboxOrganization(tx, input.organizationId),
  });
  const row = await insertApiKey(tx, {
    organizationId: input.organizationId,
    name: input.name,
    role: input.role,
    prefix: generated.prefix,
    keyHash: generated.hash,
    createdById: input.createdById,
    expiresAt: input.expiresAt ?? null,
  });
  return {
    id: row.id,
    key: generated.key,
    prefix: generated.prefix,
    name: row.name,
    role: row.role,
    expiresAt: row.expiresAt,
  };
}
