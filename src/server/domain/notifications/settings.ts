import {
  type NotificationSettings,
  type NotificationSettingsInput,
  NOTIFICATION_TYPE_LABELS,
} from '@/schemas/notification-settings';
import {
  getOwnSettings,
  saveSettings,
  turnOffEmail,
} from '@/server/db/repositories/notification-settings';
import { withIdentity } from '@/server/db/tenant';
import type { SecretBox } from '@/server/crypto/secret-box';
import type { AccountDeps } from '../accounts/deps';
import { recordSecurityEvent } from '../accounts/security-events';
import { openUnsubscribeToken } from './email';

export async function getNotificationSettings(
  deps: Pick<AccountDeps, 'db'>,
  userId: string,
  pushPublicKey: string | null,
): Promise<NotificationSettings> {
  return withIdentity(
    deps.db,
    async (tx) => {
      const { verifiedPhone: _verified, ...settings } = await getOwnSettings(tx, userId);
      return { ...settings, pushPublicKey };
    },
    { readOnly: true },
  );
}

export async function updateNotificationSettings(
  deps: AccountDeps,
  userId: string,
  input: NotificationSettingsInput,
) {
  await withIdentity(deps.db, async (tx) => {
    await saveSettings(tx, userId, input);
    await recordSecurityEvent(
      tx,
      { action: 'user.notification_settings_changed', subjectUserId: userId, details: input },
      deps.client,
    );
  });
}

/**
 * What an unsubscribe link would turn off, for the page that asks first; null for a token this
 * server did not seal.
 */
export function describeUnsubscribe(secretBox: SecretBox, token: string) {
  const scope = openUnsubscribeToken(secretBox, token);
  return scope && scope.types.map((type) => NOTIFICATION_TYPE_LABELS[type]);
}

/** Turns e-mail off for the link's types; false for a token this server did not seal. */
export async function unsubscribe(
  deps: Pick<AccountDeps, 'db' | 'client'> & { secretBox: SecretBox },
  token: string,
): Promise<boolean> {
  const scope = openUnsubscribeToken(deps.secretBox, token);
  if (!scope) return false;
  await withIdentity(deps.db, async (tx) => {
    await turnOffEmail(tx, scope.userId, scope.types);
    await recordSecurityEvent(
      tx,
      {
        action: 'user.email_unsubscribed',
        subjectUserId: scope.userId,
        details: { types: scope.types },
      },
      deps.client,
    );
  });
  return true;
}
