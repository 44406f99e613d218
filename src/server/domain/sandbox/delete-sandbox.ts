import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { deleteCurrentOrganization } from '@/server/db/repositories/organizations';
import { withIdentity, withTenant } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { notFound } from '@/server/errors';
import type { AuditIn } from './create-sandbox';
import { findTwins } from './twins';

/**
 * Deletes the sandbox, from itself or from its live organization, with everything in it. Its
 * own audit trail goes with it, so the event is kept at account level, as for any
 * organization deleted.
 */
export async function deleteSandbox(db: Database, organizationId: string, auditIn: AuditIn) {
  const { sandbox, live } = await withIdentity(db, (tx) => findTwins(tx, organizationId), {
    readOnly: true,
  });
  if (!sandbox) throw notFound('Sandbox');
  await withTenant(db, sandbox.id, async (tx) => {
    if (!(await deleteCurrentOrganization(tx, sandbox.slug))) throw notFound('Sandbox');
    await insertAuditLog(
      tx,
      auditIn(null, {
        action: 'sandbox.deleted',
        entityType: 'organization',
        entityId: sandbox.id,
        changes: { before: { name: sandbox.name, slug: sandbox.slug, sandboxOfId: live.id } },
      }),
    );
  });
  return { sandbox, live };
}
