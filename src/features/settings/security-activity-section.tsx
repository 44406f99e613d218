'use client';

import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { api, type RouterOutputs } from '@/trpc/react';
import { DateTime } from './date-time';

const ACTION_LABELS: Record<string, string> = {
  'user.signed_in': 'Signed in',
  'user.sign_in_failed': 'Failed sign-in',
  'user.password_verified': 'Password confirmed',
  'user.two_factor_failed': 'Failed two-factor code',
  'user.reauthentication_failed': 'Wrong password when confirming',
  'user.signed_out': 'Signed out',
  'user.signed_out_everywhere': 'Signed out everywhere',
  'session.revoked': 'Session signed out',
  'user.email_verified': 'E-mail address verified',
  'user.email_change_requested': 'E-mail change requested',
  'user.email_changed': 'E-mail address changed',
  'user.password_changed': 'Password changed',
  'user.password_reset_requested': 'Password reset requested',
  'user.password_reset': 'Password reset',
  'user.two_factor_enabled': 'Two-factor authentication turned on',
  'user.two_factor_disabled': 'Two-factor authentication turned off',
  'user.recovery_codes_regenerated': 'New recovery codes',
  'user.profile_updated': 'Profile updated',
  'user.notification_settings_changed': 'Notification settings changed',
  'user.email_unsubscribed': 'Unsubscribed from e-mails',
  'user.phone_code_sent': 'Phone verification code sent',
  'user.phone_verified': 'Phone number verified',
  'user.phone_removed': 'Phone number removed',
  'user.push_subscribed': 'Push turned on in a browser',
  'user.push_unsubscribed': 'Push turned off in a browser',
  'user.app_disconnected': 'App disconnected',
  'organization.deleted': 'Organization deleted',
};

export function securityActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function SecurityActivitySection() {
  const activity = api.account.securityActivity.useQuery();
  return (
    <SettingsSection
      title="Security activity"
      description="Recent sign-ins and changes to your account. Anything you do not recognise? Change your password."
    >
      <QueryState
        query={activity}
        loading={{ label: 'Loading security activity', shape: 'fields', count: 4 }}
        failure="Your security activity could not be loaded."
      >
        {(events) => <ActivityTable events={events} />}
      </QueryState>
    </SettingsSection>
  );
}

function ActivityTable({ events }: { events: RouterOutputs['account']['securityActivity'] }) {
  if (events.length === 0) {
    return <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>;
  }
  return (
    <ListTable columns={['Event', 'IP address', 'When']}>
      {events.map((event) => (
        <TableRow key={event.id}>
          <TableCell>{securityActionLabel(event.action)}</TableCell>
          <TableCell>{event.ipAddress ?? 'Unknown'}</TableCell>
          <TableCell>
            <DateTime value={event.createdAt} />
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
