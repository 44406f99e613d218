import { randomToken } from '@/server/auth/tokens';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import {
  findOrganizationBySlug,
  insertMembership,
  insertOrganization,
} from '@/server/db/repositories/organizations';
import { insertDefaultPipeline } from '@/server/db/repositories/pipelines';
import { insertUser } from '@/server/db/repositories/users';
import type { IdentityTx } from '@/server/db/types';
import { AppError } from '@/server/errors';
import type { ClientInfo } from '../accounts/deps';
import { slugify } from '../slug';

/** A slug derived from the name, with a random suffix when the plain one is taken. */
export async function availableSlug(tx: IdentityTx, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await findOrganizationBySlug(tx, base))) return base;
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = `${base.slice(0, 33)}-${randomToken(4).slice(0, 6)}`;
    if (!(await findOrganizationBySlug(tx, candidate))) return candidate;
  }
  throw new AppError('CONFLICT', 'Could not find a free organization slug; try another name');
}

export type Creator = { type: 'user' } | { type: 'system' };

/** A new organization owned by an existing user, audited in its own trail. */
export async function createOrganizationFor(
  tx: IdentityTx,
  input: { name: string; slug?: string; ownerId: string; createdBy?: Creator },
  client: ClientInfo,
) {
  const bySystem = input.createdBy?.type === 'system';
  const slug = input.slug ?? (await availableSlug(tx, input.name));
  const organization = await insertOrganization(tx, { name: input.name, slug });
  await insertMembership(tx, {
    organizationId: organization.id,
    userId: input.ownerId,
    role: 'owner',
  });
  await insertDefaultPipeline(tx, organization.id);
  await insertAuditLog(tx, {
    organizationId: organization.id,
    actorType: bySystem ? 'system' : 'user',
    actorId: bySystem ? null : input.ownerId,
    action: 'organization.created',
    entityType: 'organization',
    entityId: organization.id,
    changes: { after: { name: organization.name, slug, ownerId: input.ownerId } },
    ...client,
  });
  return organization;
}

export interface NewOrganizationWithOwner {
  organization: { id: string; name: string; slug: string };
  userId: string;
}

/** Creates an organization with its first owner, a new user, as one audited change. */
export async function createOrganizationWithOwner(
  tx: IdentityTx,
  input: {
    organizationName: string;
    slug?: string;
    owner: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date | null };
    createdBy?: Creator;
  },
  client: ClientInfo,
): Promise<NewOrganizationWithOwner> {
  const user = await insertUser(tx, input.owner);
  const organization = await createOrganizationFor(
    tx,
    {
      name: input.organizationName,
      slug: input.slug,
      ownerId: user.id,
      createdBy: input.createdBy,
    },
    client,
  );
  return { organization, userId: user.id };
}
