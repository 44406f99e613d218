import { NOTIFICATION_TYPE_LABELS, type EmailMode } from '@/schemas/notification-settings';
import type { NotificationType } from '@/schemas/notifications';
import type { SecretBox } from '@/server/crypto/secret-box';
import type { DigestItem } from '@/server/db/repositories/notification-deliveries';
import { composeMail, type MailMessage } from '@/server/mail/message';

const UNSUBSCRIBE_CONTEXT = 'notification-unsubscribe';

/** What an unsubscribe link turns off: e-mail of one type, or of every type (the digest's). */
export interface UnsubscribeScope {
  userId: string;
  types: NotificationType[];
}

/** A link that needs no sign-in (it is sealed, so nobody can make one for someone else). */
export function unsubscribeUrl(appUrl: string, secretBox: SecretBox, scope: UnsubscribeScope) {
  const token = secretBox.seal(JSON.stringify(scope), UNSUBSCRIBE_CONTEXT);
  return `${appUrl}/unsubscribe?token=${token}`;
}

/** The scope of a link's token; null when it is not one this server sealed. */
export function openUnsubscribeToken(secretBox: SecretBox, token: string): UnsubscribeScope | null {
  try {
    return JSON.parse(secretBox.open(token, UNSUBSCRIBE_CONTEXT)) as UnsubscribeScope;
  } catch {
    return null;
  }
}

/**
 * RFC 8058 one-click unsubscribe: mail clients POST to the API address; a person following the
 * link in the text gets a page that asks first (a GET must change nothing: scanners follow links).
 */
function unsubscribeHeaders(link: string) {
  const oneClick = link.replace('/unsubscribe?', '/api/unsubscribe?');
  return {
    'List-Unsubscribe': `<${oneClick}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

export function notificationMail(input: {
  to: string;
  appUrl: string;
  secretBox: SecretBox;
  userId: string;
  notification: { type: NotificationType; title: string; body: string; link: string };
}): MailMessage {
  const { notification } = input;
  const link = unsubscribeUrl(input.appUrl, input.secretBox, {
    userId: input.userId,
    types: [notification.type],
  });
  return composeMail({
    to: input.to,
    subject: notification.title,
    paragraphs: [notification.title, ...(notification.body ? [notification.body] : [])],
    action: { label: 'Open in Clientele', url: `${input.appUrl}${notification.link}` },
    footer: `You get this e-mail because of your notification settings (“${NOTIFICATION_TYPE_LABELS[notification.type]}”).`,
    unsubscribeUrl: link,
    headers: unsubscribeHeaders(link),
  });
}

/** The items of one day in one organization, as one e-mail. */
export function digestMail(input: {
  to: string;
  appUrl: string;
  secretBox: SecretBox;
  userId: string;
  organizationName: string;
  items: DigestItem[];
  digestTypes: NotificationType[];
}): MailMessage {
  const { items } = input;
  const link = unsubscribeUrl(input.appUrl, input.secretBox, {
    userId: input.userId,
    types: input.digestTypes,
  });
  const count = items.length === 1 ? '1 notification' : `${items.length} notifications`;
  return composeMail({
    to: input.to,
    subject: `Your day in ${input.organizationName}: ${count}`,
    paragraphs: [
      `${count} in ${input.organizationName} since your last digest:`,
      ...items.map((item) => `• ${item.title} — ${input.appUrl}${item.link}`),
    ],
    action: { label: 'Open your notifications', url: `${input.appUrl}/notifications` },
    footer: 'You get this digest because of your notification settings.',
    unsubscribeUrl: link,
    headers: unsubscribeHeaders(link),
  });
}

/** The types a person gets in the digest: what a digest's unsubscribe link turns off. */
export function digestTypes(channels: Record<NotificationType, { email: EmailMode }>) {
  return (Object.keys(channels) as NotificationType[]).filter(
    (type) => channels[type].email === 'digest',
  );
}
