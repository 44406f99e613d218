import type { EventType } from '@/schemas/events';
import { can, type Permission } from '@/schemas/permissions';
import {
  appendAuditLog,
  insertAuditLog,
  type AuditEntry,
} from '@/server/db/repositories/audit-logs';
import { withTenant } from '@/server/db/tenant';
import type { Database, TenantTx } from '@/server/db/types';
import { notifyOf } from '@/server/domain/notifications/sources';
import { publishEvent, subscribersOf, type PublishedEvent } from '@/server/domain/webhooks/publish';
import { AppError } from '@/server/errors';
import type { Context, OrganizationAccess, Principal } from './context';

/*
 * The one path from a caller to their organization's data, whatever the door: principal, then
 * permission, then a tenant transaction, audited as that caller. Organization procedures take it
 * step by step through the middleware in trpc.ts; the doors outside tRPC (CSV exports) call the
 * same functions.
 */

/** A known caller, fully signed in: a session that still owes its second factor is not. */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError('UNAUTHORIZED', 'Sign in or provide an API key');
  if (principal.kind === 'user' && principal.twoFactorPending) {
    throw new AppError('UNAUTHORIZED', 'Finish signing in with your second factor');
  }
  return principal;
}

/** Who an audit row says acted. */
export type Actor =
  { actorType: 'user'; actorId: string } | { actorType: 'api_key'; actorId: string };

/** A caller allowed a permission: the organization they hold it in, and who they act as. */
export interface Authorization {
  organization: OrganizationAccess;
  actor: Actor;
}

/** The caller (as requirePrincipal), then the permission against their role in their organization. */
export function authorize(principal: Principal | null, permission: Permission): Authorization {
  const caller = requirePrincipal(principal);
  const organization = caller.organization;
  if (!organization) throw new AppError('FORBIDDEN', 'Choose an organization first');
  if (!can(organization.role, permission)) {
    throw new AppError('FORBIDDEN', `The ${organization.role} role does not allow ${permission}`);
  }
  const actor: Actor =
    caller.kind === 'user'
      ? { actorType: 'user', actorId: caller.userId }
      : { actorType: 'api_key', actorId: caller.apiKeyId };
  return { organization, actor };
}

export type AuditInput = Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'changes'> & {
  /** 'account': kept outside the organization's trail (used when the organization is deleted). */
  scope?: 'organization' | 'account';
} & (
    | { publish?: undefined }
    | {
        action: EventType;
        /** Also publish the public event of this name (webhooks, change feed) with this data. */
        publish: Omit<PublishedEvent, 'type' | 'sequence'>;
      }
  );

/** Writes one audit row by the authorized caller, in their tenant transaction. */
export type Audit = (input: AuditInput) => Promise<void>;

/**
 * Work in the authorized caller's organization: one tenant transaction on `db` (the primary, or
 * a replica for reads), with `audit` writing the caller's audit rows in that same transaction, so
 * a row never outlives a change that rolled back.
 */
export function inOrganization<T>(
  ctx: Pick<Context, 'services' | 'request'>,
  { organization, actor }: Authorization,
  options: { db: Database; readOnly: boolean },
  work: (tx: TenantTx, audit: Audit) => Promise<T>,
): Promise<T> {
  return withTenant(
    options.db,
    organization.id,
    (tx) =>
      work(tx, async ({ scope = 'organization', publish, ...entry }) => {
        const row = {
          ...entry,
          ...actor,
          organizationId: scope === 'account' ? null : organization.id,
          subjectUserId: scope === 'account' ? actor.actorId : null,
          ipAddress: ctx.request.ipAddress,
          userAgent: ctx.request.userAgent,
          requestId: ctx.request.requestId,
        };
        if (!publish) return insertAuditLog(tx, row);
        const type = entry.action as EventType;
        const subscribers = await subscribersOf(tx, type);
        const sequence = await appendAuditLog(tx, row);
        await publishEvent(tx, ctx.services.jobs, { ...publish, type, sequence }, subscribers);
        await notifyOf(
          tx,
          ctx.services.jobs,
          { ...entry, action: type, data: publish.data },
          actor,
        );
      }),
    { readOnly: options.readOnly },
  );
}
