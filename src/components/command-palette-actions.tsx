'use client';

import {
  ArrowRightLeftIcon,
  Building2Icon,
  HandshakeIcon,
  KeyboardIcon,
  ListTodoIcon,
  MoveRightIcon,
  PhoneIcon,
  ReceiptIcon,
  SunMoonIcon,
  UserPlusIcon,
  type LucideIcon,
} from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useTheme } from 'next-themes';
import { useCan } from '@/components/permissions-provider';

/** The record whose page is open: a customer, a company or a deal. */
export interface OpenRecord {
  section: 'customers' | 'companies' | 'deals';
  id: string;
}

const RECORD_PAGE =
  /^\/(customers|companies|deals)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

export function useOpenRecord(): OpenRecord | undefined {
  const match = RECORD_PAGE.exec(usePathname());
  return match ? { section: match[1] as OpenRecord['section'], id: match[2]! } : undefined;
}

export interface PaletteAction {
  id: string;
  label: string;
  /** Other words that find it ("dark" finds the theme). */
  keywords: string;
  icon: LucideIcon;
  run: () => void;
}

const COMPOSER = 'form[aria-label="New timeline entry"]';
const COMPOSER_WAIT_MS = 5000;

/**
 * Brings the open record's timeline entry form into view with "Call" chosen and the subject
 * focused. The form may still be coming (the page switches to its Timeline tab first).
 */
function startCallEntry() {
  const giveUpAt = Date.now() + COMPOSER_WAIT_MS;
  const attempt = () => {
    const form = document.querySelector<HTMLFormElement>(COMPOSER);
    if (!form) {
      if (Date.now() < giveUpAt) requestAnimationFrame(attempt);
      return;
    }
    form.scrollIntoView({ block: 'center' });
    // The Type list picks the entry whose name starts with a letter typed on it, as a person would.
    const type = form.querySelector<HTMLElement>('[role="combobox"]');
    type?.focus();
    type?.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
    form.querySelector<HTMLInputElement>('input[name="subject"]')?.focus();
  };
  requestAnimationFrame(attempt);
}

/**
 * What the palette can do here, each only when the member's role allows it: create records,
 * log a call on the open record, move the open deal, switch organization, change the theme.
 * `go` leaves for a page; `choose` opens a list of choices in the palette.
 */
export function usePaletteActions({
  go,
  close,
  choose,
  onShowShortcuts,
  organizationCount,
}: {
  go: (href: string) => void;
  close: () => void;
  choose: (list: 'stages' | 'organizations') => void;
  onShowShortcuts: () => void;
  organizationCount: number;
}): PaletteAction[] {
  const record = useOpenRecord();
  const { resolvedTheme, setTheme } = useTheme();
  const can = {
    customers: useCan('customers:write'),
    companies: useCan('companies:write'),
    deals: useCan('deals:write'),
    orders: useCan('orders:write'),
    tasks: useCan('tasks:write'),
    interactions: useCan('interactions:write'),
  };
  const nextTheme = resolvedTheme === 'dark' ? 'light' : 'dark';

  const actions: (PaletteAction | false)[] = [
    can.customers && {
      id: 'new-customer',
      label: 'New customer',
      keywords: 'add create person contact',
      icon: UserPlusIcon,
      run: () => go('/customers?new=customer'),
    },
    can.companies && {
      id: 'new-company',
      label: 'New company',
      keywords: 'add create organization account',
      icon: Building2Icon,
      run: () => go('/companies?new=company'),
    },
    can.deals && {
      id: 'new-deal',
      label: 'New deal',
      keywords: 'add create opportunity sale',
      icon: HandshakeIcon,
      run: () => go('/deals?new=deal'),
    },
    can.orders && {
      id: 'new-order',
      label: 'New order',
      keywords: 'add create sale invoice',
      icon: ReceiptIcon,
      run: () => go('/orders?new=order'),
    },
    can.tasks && {
      id: 'new-task',
      label: 'New task',
      keywords: 'create a task add todo to-do reminder',
      icon: ListTodoIcon,
      run: () => go('/tasks?new=task'),
    },
    can.interactions &&
      record !== undefined && {
        id: 'log-call',
        label: 'Log a call',
        keywords: 'phone note timeline activity record',
        icon: PhoneIcon,
        run: () => {
          // A deal's timeline is always on its page; a customer's or a company's is a tab.
          const onTimeline = document.querySelector(COMPOSER) !== null;
          if (onTimeline || record.section === 'deals') close();
          else go(`/${record.section}/${record.id}?tab=timeline`);
          startCallEntry();
        },
      },
    can.deals &&
      record?.section === 'deals' && {
        id: 'move-deal',
        label: 'Move this deal to a stage…',
        keywords: 'stage pipeline won lost advance',
        icon: MoveRightIcon,
        run: () => choose('stages'),
      },
    organizationCount > 1 && {
      id: 'switch-organization',
      label: 'Switch organization…',
      keywords: 'change team workspace account',
      icon: ArrowRightLeftIcon,
      run: () => choose('organizations'),
    },
    {
      id: 'toggle-theme',
      label: `Toggle theme (to ${nextTheme})`,
      keywords: 'dark light mode colours colors appearance',
      icon: SunMoonIcon,
      run: () => {
        setTheme(nextTheme);
        close();
      },
    },
    {
      id: 'shortcuts',
      label: 'Keyboard shortcuts',
      keywords: 'keys help',
      icon: KeyboardIcon,
      run: () => {
        close();
        onShowShortcuts();
      },
    },
  ];
  return actions.filter((action) => action !== false);
}
