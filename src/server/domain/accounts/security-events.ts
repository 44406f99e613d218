import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import type { IdentityTx } from '@/server/db/types';
import type { ClientInfo } from './deps';

export type SecurityAction =
  | 'user.signed_in'
  | 'user.sign_in_failed'
  | 'user.password_verified'
  | 'user.two_factor_failed'
  | 'user.reauthentication_failed'
  | 'user.signed_out'
  | 'user.signed_out_everywhere'
  | 'session.revoked'
  | 'user.email_verified'
  | 'user.email_change_requested'
  | 'user.email_changed'
  | 'user.password_changed'
  | 'user.password_reset_requested'
  | 'user.password_reset'
  | 'user.two_factor_enabled'
  | 'user.two_factor_disabled'
  | 'user.recovery_codes_regenerated'
  | 'user.profile_updated'
  | 'user.notification_settings_changed'
  | 'user.email_unsubscribed'
  | 'user.phone_code_sent'
  | 'user.phone_verified'
  | 'user.phone_removed'
  | 'user.push_subscribed'
  | 'user.push_unsubscribed'
  | 'user.app_disconnected';

/**
 * An account-level security event in the audit trail: about a person rather than an
 * organization (organization_id is NULL), so no tenant sees it; the person does, in settings.
 */
export async function recordSecurityEvent(
  tx: IdentityTx,
  event: {
    action: SecurityAction;
    subjectUserId: string | null;
    /** Who acted; the subject when a person acts on their own account. */
    actorId?: string | null;
    details?: Record<string, unknown>;
  },
  client: ClientInfo,
) {
  await insertAuditLog(tx, {
    organizationId: null,
    subjectUserId: event.subjectUserId,
    actorType: 'user',
    actorId: event.actorId === undefined ? event.subjectUserId : event.actorId,
    action: event.action,
    entityType: 'user',
    entityId: event.subjectUserId,
    changes: event.details ? { after: event.details } : {},
    ...client,
  });
}
