'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { FormTextField } from '@/components/form-field';
import { PostForm } from '@/components/post-form';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { phoneCodeInput, phoneNumberInput } from '@/schemas/notification-settings';
import { api } from '@/trpc/react';

/**
 * The phone number urgent notifications are texted to: entered, proven by a 6-digit code sent
 * to it, and removed. A number is used only once verified.
 */
export function PhoneSection() {
  const phone = api.account.phone.get.useQuery();
  const [changingNumber, setChangingNumber] = useState(false);

  return (
    <SettingsSection
      title="Phone for urgent notifications"
      description="Notifications you mark urgent are also sent by SMS to this number, once you have verified it."
    >
      <QueryState
        query={phone}
        loading={{ label: 'Loading your phone number', shape: 'fields' }}
        failure="Your phone number could not be loaded."
      >
        {({ phoneNumber, phoneVerified }) =>
          !phoneNumber || changingNumber ? (
            <PhoneNumberForm
              onSent={() => setChangingNumber(false)}
              onCancel={phoneNumber ? () => setChangingNumber(false) : undefined}
              replacesVerified={phoneVerified}
            />
          ) : (
            <>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                {phoneVerified ? (
                  <Badge>Verified</Badge>
                ) : (
                  <Badge variant="outline">Not verified</Badge>
                )}
                <span className="font-medium tabular-nums">{phoneNumber}</span>
              </p>
              {phoneVerified ? null : <PhoneCodeForm phoneNumber={phoneNumber} />}
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="outline" onClick={() => setChangingNumber(true)}>
                  Use another number
                </Button>
                <RemovePhoneButton phoneNumber={phoneNumber} />
              </div>
            </>
          )
        }
      </QueryState>
    </SettingsSection>
  );
}

const NUMBER_FIELDS = ['phoneNumber'] as const;

function PhoneNumberForm({
  onSent,
  onCancel,
  replacesVerified,
}: {
  onSent: () => void;
  /** Goes back to the number there is; none when there is none. */
  onCancel?: () => void;
  replacesVerified: boolean;
}) {
  const utils = api.useUtils();
  const form = useForm({
    resolver: zodResolver(phoneNumberInput),
    defaultValues: { phoneNumber: '' },
  });
  const request = api.account.phone.requestCode.useMutation({
    onSuccess: async ({ phoneNumber }) => {
      toast.success(`We sent a code to ${phoneNumber}`);
      onSent();
      await Promise.all([
        utils.account.phone.get.invalidate(),
        utils.account.securityActivity.invalidate(),
      ]);
    },
    onError: fieldsOrToast(form.setError, NUMBER_FIELDS),
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => request.mutate(values))}>
      <FormTextField
        form={form}
        name="phoneNumber"
        label="Mobile phone number"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder="+351912345678"
        hint="International format: + and the country code, then the number, without spaces."
      />
      {replacesVerified ? (
        <p className="text-sm text-muted-foreground">
          Your verified number stops receiving SMS once you send a code to another one.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={request.isPending} pendingLabel="Sending…">
          Send code
        </SubmitButton>
        {onCancel ? (
          <Button type="button" variant="outline" onClick={onCancel} disabled={request.isPending}>
            Keep the current number
          </Button>
        ) : null}
      </div>
    </PostForm>
  );
}

const CODE_FIELDS = ['code'] as const;

/** The code sent to an unverified number, and a way to have a new one sent. */
function PhoneCodeForm({ phoneNumber }: { phoneNumber: string }) {
  const utils = api.useUtils();
  const form = useForm({ resolver: zodResolver(phoneCodeInput), defaultValues: { code: '' } });
  const refreshPhone = () =>
    Promise.all([
      utils.account.phone.get.invalidate(),
      utils.account.securityActivity.invalidate(),
    ]);
  const verify = api.account.phone.verify.useMutation({
    onSuccess: async () => {
      toast.success('Your phone number is verified');
      form.reset({ code: '' });
      await refreshPhone();
    },
    onError: fieldsOrToast(form.setError, CODE_FIELDS),
  });
  const resend = api.account.phone.requestCode.useMutation({
    onSuccess: async () => {
      toast.success(`We sent a new code to ${phoneNumber}`);
      form.reset({ code: '' });
      await refreshPhone();
    },
    onError: fieldsOrToast(form.setError, CODE_FIELDS),
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => verify.mutate(values))}>
      <FormTextField
        form={form}
        name="code"
        label="Code from the SMS"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        hint={`The 6-digit code we sent to ${phoneNumber}; it works for 10 minutes.`}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton
          pending={verify.isPending}
          pendingLabel="Verifying…"
          disabled={resend.isPending}
        >
          Verify
        </SubmitButton>
        <Button
          type="button"
          variant="outline"
          disabled={resend.isPending || verify.isPending}
          onClick={() => resend.mutate({ phoneNumber })}
        >
          {resend.isPending ? 'Sending…' : 'Send a new code'}
        </Button>
      </div>
    </PostForm>
  );
}

function RemovePhoneButton({ phoneNumber }: { phoneNumber: string }) {
  const utils = api.useUtils();
  const remove = api.account.phone.remove.useMutation({
    onSuccess: async () => {
      toast.success('Your phone number is removed');
      await Promise.all([
        utils.account.phone.get.invalidate(),
        utils.account.securityActivity.invalidate(),
      ]);
    },
  });

  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button type="button" variant="outline" disabled={remove.isPending}>
          {remove.isPending ? 'Removing…' : 'Remove'}
        </Button>
      }
      title="Remove your phone number?"
      description={`Urgent notifications stop being texted to ${phoneNumber}. To use a number again, you will verify it again.`}
      cancelLabel="Keep it"
      confirmLabel="Remove phone number"
      pendingLabel="Removing…"
      onConfirm={() => remove.mutateAsync()}
    />
  );
}
