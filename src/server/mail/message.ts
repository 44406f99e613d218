export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain message with one call to action, as text and as (escaped) HTML. */
export function composeMail(input: {
  to: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
  /** Where to stop messages like this one: a link after the footer. */
  unsubscribeUrl?: string;
  headers?: Record<string, string>;
}): MailMessage {
  const { paragraphs, action } = input;
  const footer =
    input.footer ?? 'If you did not expect this e-mail, you can ignore it. — Clientele';
  const { unsubscribeUrl } = input;
  const text = [
    ...paragraphs,
    ...(action ? [`${action.label}: ${action.url}`] : []),
    footer,
    ...(unsubscribeUrl ? [`Unsubscribe: ${unsubscribeUrl}`] : []),
  ].join('\n\n');
  const html = [
    '<div style="font-family:system-ui,sans-serif;line-height:1.5;max-width:560px">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    action
      ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#111;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="font-size:12px;color:#666">${escapeHtml(action.url)}</p>`
      : '',
    `<p style="font-size:12px;color:#666">${escapeHtml(footer)}${
      unsubscribeUrl
        ? ` <a href="${escapeHtml(unsubscribeUrl)}" style="color:#666">Unsubscribe</a>`
        : ''
    }</p>`,
    '</div>',
  ].join('');
  return { to: input.to, subject: input.subject, text, html, headers: input.headers };
}
