import {
  CalendarDaysIcon,
  CheckSquareIcon,
  HandshakeIcon,
  HistoryIcon,
  MailIcon,
  PhoneIcon,
  ShoppingCartIcon,
  StickyNoteIcon,
  type LucideIcon,
} from 'lucide-react';
import type { TimelineEntryType, TimelineRecordType } from '@/schemas/timeline';

/** What one entry of each type is called. */
export const ENTRY_LABELS: Record<TimelineEntryType, string> = {
  note: 'Note',
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
  order: 'Order',
  deal: 'Deal',
  task: 'Task',
  change: 'Change',
};

export const ENTRY_ICONS: Record<TimelineEntryType, LucideIcon> = {
  note: StickyNoteIcon,
  call: PhoneIcon,
  email: MailIcon,
  meeting: CalendarDaysIcon,
  order: ShoppingCartIcon,
  deal: HandshakeIcon,
  task: CheckSquareIcon,
  change: HistoryIcon,
};

/** The filters a record's timeline offers, in order, with their button text. */
export function timelineFilters(
  recordType: TimelineRecordType,
): { type: TimelineEntryType; label: string }[] {
  return [
    { type: 'note', label: 'Notes' },
    { type: 'call', label: 'Calls' },
    { type: 'email', label: 'E-mails' },
    { type: 'meeting', label: 'Meetings' },
    ...(recordType === 'deal' ? [] : [{ type: 'order' as const, label: 'Orders' }]),
    { type: 'deal', label: recordType === 'deal' ? 'Stage moves' : 'Deals' },
    { type: 'task', label: 'Tasks' },
    { type: 'change', label: 'Field changes' },
  ];
}
