/** The largest figure the bell's badge shows; more reads as "99+". */
export const MAX_BADGE_COUNT = 99;

/** The badge's figure: "3", or "99+" past the cap; nothing when all is read. */
export function badgeCount(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : String(unread);
}

/** The bell's accessible name, with the exact count a screen reader should hear. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
}
