'use client';

import { BellIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { api } from '@/trpc/react';
import { NotificationPanel } from './notification-panel';
import { badgeCount, bellLabel } from './unread-count';

/** The top bar's bell: how many notifications are unread, and a panel of the latest ones. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const count = api.notifications.unreadCount.useQuery({});
  const unread = count.data?.unread ?? 0;
  const badge = badgeCount(unread);

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={bellLabel(unread)} className="relative">
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
      </PopoverTrigger>
      <PopoverContent
        align="end"
        collisionPadding={8}
        aria-labelledby="notification-panel-title"
        className="w-[min(24rem,calc(100vw-1rem))] p-3"
      >
        <NotificationPanel unread={unread} onClose={() => setOpen(false)} />
      </PopoverContent>
    </Popover>
  );
}
