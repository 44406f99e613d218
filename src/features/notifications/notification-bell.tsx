'use client';

import { BellIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';
import { api } from '@/trpc/react';
import { badgeCount, bellLabel } from './unread-count';

// The panel (its popover, tabs and list) loads when the bell is first pressed.
const NotificationPopover = dynamic(
  () => import('./notification-popover').then((module) => module.NotificationPopover),
  { ssr: false },
);

/** The top bar's bell: how many notifications are unread, and a panel of the latest ones. */
export function NotificationBell() {
  const panel = useOpenOnce();
  const bell = useRef<HTMLButtonElement>(null);
  const count = api.notifications.unreadCount.useQuery({});
  const unread = count.data?.unread ?? 0;
  const badge = badgeCount(unread);

  return (
    <>
      <Button
        ref={bell}
        variant="ghost"
        size="icon"
        aria-label={bellLabel(unread)}
        aria-haspopup="dialog"
        aria-expanded={panel.open}
        className="relative"
        onClick={() => panel.setOpen((open) => !open)}
      >
        <BellIcon aria-hidden="true" />
        {badge ? (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] leading-none font-semibold text-primary-foreground"
          >
            {badge}
          </span>
        ) : null}
      </Button>
      {panel.mounted ? <NotificationPopover bell={bell} unread={unread} {...panel.dialog} /> : null}
    </>
  );
}
