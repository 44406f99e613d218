'use client';

import { useId, useState } from 'react';
import { PostForm } from '@/components/post-form';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import {
  NOTIFICATION_TYPE_LABELS,
  REMINDER_LEADS,
  type ChannelPreference,
  type EmailMode,
  type NotificationSettings,
} from '@/schemas/notification-settings';
import { NOTIFICATION_TYPES, type NotificationType } from '@/schemas/notifications';
import { api } from '@/trpc/react';

const EMAIL_LABELS: Record<EmailMode, string> = {
  immediate: 'At once',
  digest: 'Daily digest',
  off: 'Off',
};

/** "15 minutes before", "1 hour before", "1 day before", or only when due. */
function leadLabel(minutes: number) {
  if (minutes === 0) return 'Only when due';
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'} before`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'} before`;
  return `${minutes} minutes before`;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const toClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fromClock = (clock: string) => {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

export function PreferencesSection() {
  const settings = api.notifications.settings.get.useQuery();
  return (
    <SettingsSection
      title="Channels"
      description="For each kind of notification: in the app, by e-mail (at once or in a daily digest), by push to your browsers, and by SMS when you mark it urgent."
    >
      <QueryState
        query={settings}
        loading={{ label: 'Loading your notification settings', shape: 'fields' }}
        failure="Your notification settings could not be loaded."
      >
        {(loaded) => <PreferencesForm settings={loaded} />}
      </QueryState>
    </SettingsSection>
  );
}

function PreferencesForm({ settings }: { settings: NotificationSettings }) {
  const utils = api.useUtils();
  const [channels, setChannels] = useState(settings.channels);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [digestHour, setDigestHour] = useState(settings.digestHour);
  const [quietHours, setQuietHours] = useState(settings.quietHours);
  const [reminderLeadMinutes, setReminderLeadMinutes] = useState(settings.reminderLeadMinutes);
  const zones = useTimeZones(timeZone);
  const ids = { zone: useId(), digest: useId(), lead: useId(), quiet: useId() };
  const save = api.notifications.settings.update.useMutation({
    onSuccess: async () => {
      toast.success('Your notification settings were saved');
      await utils.notifications.settings.invalidate();
    },
    onError: (error) => toast.error(describeError(error)),
  });

  const change = (type: NotificationType, patch: Partial<ChannelPreference>) =>
    setChannels((current) => ({ ...current, [type]: { ...current[type], ...patch } }));

  return (
    <PostForm
      className="gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ channels, timeZone, digestHour, quietHours, reminderLeadMinutes });
      }}
    >
      <div className="overflow-x-auto">
        <Table>
          <caption className="sr-only">Channels for each kind of notification</caption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Notify me when</TableHead>
              <TableHead scope="col">In app</TableHead>
              <TableHead scope="col">E-mail</TableHead>
              <TableHead scope="col">Push</TableHead>
              <TableHead scope="col">Urgent (SMS)</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {NOTIFICATION_TYPES.map((type) => {
              const label = NOTIFICATION_TYPE_LABELS[type];
              const wanted = channels[type];
              return (
                <TableRow key={type}>
                  <TableHead scope="row" className="font-normal whitespace-normal">
                    {label}
                  </TableHead>
                  <TableCell>
                    <Checkbox
                      name={`${type}.inApp`}
                      aria-label={`${label}: in app`}
                      checked={wanted.inApp}
                      onCheckedChange={(checked) => change(type, { inApp: checked === true })}
                    />
                  </TableCell>
                  <TableCell>
                    <NativeSelect
                      name={`${type}.email`}
                      aria-label={`${label}: e-mail`}
                      value={wanted.email}
                      onChange={(event) => change(type, { email: event.target.value as EmailMode })}
                      className="min-w-32"
                    >
                      {(Object.keys(EMAIL_LABELS) as EmailMode[]).map((mode) => (
                        <option key={mode} value={mode}>
                          {EMAIL_LABELS[mode]}
                        </option>
                      ))}
                    </NativeSelect>
                  </TableCell>
                  <TableCell>
                    <Checkbox
                      name={`${type}.push`}
                      aria-label={`${label}: push`}
                      checked={wanted.push}
                      onCheckedChange={(checked) => change(type, { push: checked === true })}
                    />
                  </TableCell>
                  <TableCell>
                    <Checkbox
                      name={`${type}.urgent`}
                      aria-label={`${label}: urgent, also by SMS`}
                      checked={wanted.urgent}
                      onCheckedChange={(checked) => change(type, { urgent: checked === true })}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <div className="grid gap-2">
          <Label htmlFor={ids.zone}>Time zone</Label>
          <NativeSelect
            id={ids.zone}
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-2">
          <Label htmlFor={ids.digest}>Daily digest at</Label>
          <NativeSelect
            id={ids.digest}
            value={digestHour}
            onChange={(event) => setDigestHour(Number(event.target.value))}
          >
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-2">
          <Label htmlFor={ids.lead}>Remind me of my tasks</Label>
          <NativeSelect
            id={ids.lead}
            value={reminderLeadMinutes}
            onChange={(event) => setReminderLeadMinutes(Number(event.target.value))}
          >
            {REMINDER_LEADS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {leadLabel(minutes)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>

      <fieldset className="grid gap-3">
        <legend className="text-sm font-medium">Quiet hours</legend>
        <div className="flex items-center gap-2">
          <Checkbox
            id={ids.quiet}
            name="quietHours"
            checked={quietHours !== null}
            onCheckedChange={(checked) =>
              setQuietHours(checked === true ? { start: 22 * 60, end: 7 * 60 } : null)
            }
          />
          <Label htmlFor={ids.quiet} className="font-normal">
            Hold e-mail, push and SMS during quiet hours; send them when they end
          </Label>
        </div>
        {quietHours ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <ClockField
              label="From"
              minutes={quietHours.start}
              onChange={(start) => setQuietHours({ ...quietHours, start })}
            />
            <ClockField
              label="Until"
              minutes={quietHours.end}
              onChange={(end) => setQuietHours({ ...quietHours, end })}
            />
          </div>
        ) : null}
      </fieldset>

      <div>
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save notification settings
        </SubmitButton>
      </div>
    </PostForm>
  );
}

/** A time of day, as minutes after midnight. */
function ClockField({
  label,
  minutes,
  onChange,
}: {
  label: string;
  minutes: number;
  onChange: (minutes: number) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="time"
        step={60}
        required
        value={toClock(minutes)}
        onChange={(event) => onChange(fromClock(event.target.value))}
      />
    </div>
  );
}

/** The zones the browser knows, with the saved one always among them. */
function useTimeZones(current: string) {
  const [zones] = useState(() => {
    const known = Intl.supportedValuesOf('timeZone');
    return known.includes(current) ? known : [current, ...known];
  });
  return zones;
}
