import { MAX_NAME_LENGTH } from '@/schemas/common';
import { insertAuditLog, type AuditEntry } from '@/server/db/repositories/audit-logs';
import { insertDefaultPipeline } from '@/server/db/repositories/pipelines';
import { copyMemberships, insertSandbox } from '@/server/db/repositories/sandboxes';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { AppError } from '@/server/errors';
import { availableSlug } from '../organizations/create-organization';
import { findTwins } from './twins';

/** An audit row by the caller in one organization's trail. */
export type AuditIn = (
  organizationId: string | null,
  entry: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'changes'>,
) => AuditEntry;

const SUFFIX = ' (sandbox)';

/** "Acme" → "Acme (sandbox)", shortened to fit a name. */
export const sandboxNameOf = (liveName: string) =>
  `${liveName.slice(0, MAX_NAME_LENGTH - SUFFIX.length)}${SUFFIX}`;

/**
 * The live organization's sandbox: its members with their roles, the default pipeline, and a
 * row in both audit trails, as one transaction. A sandbox has no sandbox, and a live
 * organization one at most.
 */
export async function createSandbox(db: Database, organizationId: string, auditIn: AuditIn) {
  return withIdentity(db, async (tx) => {
    const twins = await findTwins(tx, organizationId);
    if (twins.inSandbox) {
      throw new AppError('BAD_REQUEST', 'A sandbox cannot have a sandbox of its own');
    }
    if (twins.sandbox) throw new AppError('CONFLICT', 'This organization has a sandbox already');
    const { live } = twins;
    const sandbox = await insertSandbox(tx, {
      name: sandboxNameOf(live.name),
      slug: await availableSlug(tx, `${live.slug}-sandbox`),
      sandboxOfId: live.id,
    });
    const members = await copyMemberships(tx, live.id, sandbox.id);
    await insertDefaultPipeline(tx, sandbox.id);
    const after = { name: sandbox.name, slug: sandbox.slug, sandboxOfId: live.id, members };
    const entry = { entityType: 'organization', entityId: sandbox.id, changes: { after } };
    await insertAuditLog(tx, auditIn(live.id, { action: 'sandbox.created', ...entry }));
    await insertAuditLog(tx, auditIn(sandbox.id, { action: 'organization.created', ...entry }));
    return { id: sandbox.id, name: sandbox.name, slug: sandbox.slug };
  });
}
