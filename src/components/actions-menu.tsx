'use client';

import { EllipsisIcon, type LucideIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

/**
 * A menu of what may be done to a record, opened by "More" on its page or, given a `label`
 * ("Actions for Ada Lovelace"), by an icon button in its row. Not modal: the dialogs its items
 * open take over focus and the rest of the page; `triggerRef` is where focus returns after them.
 */
export function ActionsMenu({
  triggerRef,
  label,
  children,
}: {
  triggerRef: React.Ref<HTMLButtonElement>;
  label?: string;
  /** The items: ActionsMenuItems, separators. */
  children: React.ReactNode;
}) {
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        {label ? (
          <Button ref={triggerRef} variant="ghost" size="icon" aria-label={label}>
            <EllipsisIcon aria-hidden="true" />
          </Button>
        ) : (
          <Button ref={triggerRef} variant="outline">
            <EllipsisIcon aria-hidden="true" />
            More
          </Button>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">{children}</DropdownMenuContent>
    </DropdownMenu>
  );
}

/** One item of an ActionsMenu: its icon and text; destructive ones say so in red. */
export function ActionsMenuItem({
  icon: Icon,
  destructive = false,
  disabled,
  onSelect,
  children,
}: {
  icon: LucideIcon;
  destructive?: boolean;
  disabled?: boolean;
  onSelect: () => void;
  children: React.ReactNode;
}) {
  return (
    <DropdownMenuItem
      variant={destructive ? 'destructive' : undefined}
      disabled={disabled}
      onSelect={onSelect}
    >
      <Icon aria-hidden="true" />
      {children}
    </DropdownMenuItem>
  );
}

/** A line between groups of an ActionsMenu's items. */
export const ActionsMenuSeparator = DropdownMenuSeparator;
