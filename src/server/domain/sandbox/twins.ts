import type { OrganizationWithTwin } from '@/schemas/sandbox';
import type { Organization } from '@/server/db/repositories/organizations';
import { findOrganizationAndTwin } from '@/server/db/repositories/sandboxes';
import { withIdentity } from '@/server/db/tenant';
import type { Database, IdentityTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';

/** A live organization and its sandbox, whichever of the two `organizationId` names. */
export interface Twins {
  live: Organization;
  sandbox: Organization | undefined;
  /** Whether `organizationId` named the sandbox. */
  inSandbox: boolean;
}

/** The organization's twins, read as the identity role (a tenant sees only its own). */
export async function findTwins(tx: IdentityTx, organizationId: string): Promise<Twins> {
  const found = await findOrganizationAndTwin(tx, organizationId);
  if (!found) throw notFound('Organization');
  const { organization, twin } = found;
  if (!organization.sandboxOfId) return { live: organization, sandbox: twin, inSandbox: false };
  if (!twin) throw new AppError('NOT_FOUND', 'Live organization not found');
  return { live: twin, sandbox: organization, inSandbox: true };
}

/** What people see of an organization: its id, name and slug. */
export const summaryOf = ({ id, name, slug }: Organization) => ({ id, name, slug });

/** The organization, whether it is a sandbox, and its twin. */
export async function findOrganizationWithTwin(
  db: Database,
  organizationId: string,
): Promise<OrganizationWithTwin> {
  const twins = await withIdentity(db, (tx) => findTwins(tx, organizationId), { readOnly: true });
  const current = twins.inSandbox ? twins.sandbox! : twins.live;
  return {
    ...summaryOf(current),
    isSandbox: twins.inSandbox,
    liveOrganization: twins.inSandbox ? summaryOf(twins.live) : null,
    sandbox: !twins.inSandbox && twins.sandbox ? summaryOf(twins.sandbox) : null,
  };
}
