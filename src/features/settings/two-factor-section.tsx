'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Image from 'next/image';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldsOrToast } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { renderSVG } from 'uqr';
import { CopyButton } from '@/components/copy-button';
import { TextField } from '@/components/form-field';
import { CurrentPasswordField } from '@/components/password-field';
import { PostForm } from '@/components/post-form';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { enableTwoFactorInput, reauthenticationInput } from '@/schemas/account';
import { api, type RouterOutputs } from '@/trpc/react';
import { RecoveryCodes } from './recovery-codes';

type NewKey = RouterOutputs['account']['twoFactor']['newKey'];

export function TwoFactorSection() {
  const profile = api.account.profile.useQuery();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [setup, setSetup] = useState<NewKey | null>(null);

  return (
    <SettingsSection
      title="Two-factor authentication"
      description="A code from an authenticator app on your phone, asked for after your password."
    >
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <QueryState
          query={profile}
          loading={{ label: 'Loading two-factor authentication', shape: 'fields' }}
          failure="Your two-factor settings could not be loaded."
        >
          {({ twoFactorEnabled, recoveryCodesLeft }) =>
            twoFactorEnabled ? (
              <>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge>On</Badge>
                  <span>
                    On — {recoveryCodesLeft} recovery {recoveryCodesLeft === 1 ? 'code' : 'codes'}{' '}
                    left
                  </span>
                </p>
                <ManageTwoFactorForm onNewCodes={setCodes} />
              </>
            ) : setup ? (
              <EnableTwoFactorForm
                setup={setup}
                onCancel={() => setSetup(null)}
                onEnabled={(recoveryCodes) => {
                  setSetup(null);
                  setCodes(recoveryCodes);
                }}
              />
            ) : (
              <TwoFactorOff onSetup={setSetup} />
            )
          }
        </QueryState>
      )}
    </SettingsSection>
  );
}

/** Says two-factor authentication is off, and starts setting it up with a fresh key. */
function TwoFactorOff({ onSetup }: { onSetup: (setup: NewKey) => void }) {
  const utils = api.useUtils();
  const [starting, setStarting] = useState(false);

  async function startSetup() {
    setStarting(true);
    try {
      // Always a fresh key: nothing is stored until the first code proves the app has it.
      onSetup(await utils.account.twoFactor.newKey.fetch(undefined, { staleTime: 0 }));
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setStarting(false);
    }
  }

  return (
    <>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant="outline">Off</Badge>
        <span>Signing in needs only your password.</span>
      </p>
      <div>
        <Button type="button" onClick={() => void startSetup()} disabled={starting}>
          {starting ? 'Preparing…' : 'Set up two-factor authentication'}
        </Button>
      </div>
    </>
  );
}

const ENABLE_FIELDS = ['code', 'password'] as const;

function EnableTwoFactorForm({
  setup,
  onCancel,
  onEnabled,
}: {
  setup: NewKey;
  onCancel: () => void;
  onEnabled: (recoveryCodes: string[]) => void;
}) {
  const utils = api.useUtils();
  const qrCode = useMemo(
    () => `data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(setup.uri))}`,
    [setup.uri],
  );
  const form = useForm({
    resolver: zodResolver(enableTwoFactorInput),
    defaultValues: { key: setup.key, code: '', password: '' },
  });
  const enable = api.account.twoFactor.enable.useMutation({
    onSuccess: async ({ recoveryCodes }) => {
      toast.success('Two-factor authentication is on');
      onEnabled(recoveryCodes);
      await utils.account.invalidate();
    },
    onError: fieldsOrToast(form.setError, ENABLE_FIELDS),
  });
  const { errors } = form.formState;

  return (
    <div className="grid gap-4">
      <ol className="grid list-decimal gap-1 pl-5 text-sm">
        <li>Scan the QR code with your authenticator app, or type the key into it.</li>
        <li>Enter the 6-digit code the app shows, and your current password.</li>
      </ol>
      <div className="flex flex-wrap items-center gap-4">
        <Image
          src={qrCode}
          alt="QR code for your authenticator app"
          width={180}
          height={180}
          unoptimized
          className="rounded-md border bg-white p-2"
        />
        <div className="grid min-w-0 gap-2 text-sm">
          <p className="font-medium">Key for manual entry</p>
          <code className="rounded bg-muted px-2 py-1 font-mono break-all">{setup.key}</code>
          <div>
            <CopyButton value={setup.key} label="Copy key" />
          </div>
        </div>
      </div>
      <PostForm
        onSubmit={form.handleSubmit((values) => enable.mutate({ ...values, key: setup.key }))}
      >
        <TextField
          label="Code from your app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          error={errors.code?.message ?? errors.key?.message}
          {...form.register('code')}
        />
        <CurrentPasswordField form={form} name="password" />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={enable.isPending} pendingLabel="Turning on…">
            Turn on two-factor authentication
          </SubmitButton>
          <Button type="button" variant="outline" onClick={onCancel} disabled={enable.isPending}>
            Cancel setup
          </Button>
        </div>
      </PostForm>
    </div>
  );
}

const PASSWORD_FIELDS = ['password'] as const;

function ManageTwoFactorForm({ onNewCodes }: { onNewCodes: (codes: string[]) => void }) {
  const utils = api.useUtils();
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    resolver: zodResolver(reauthenticationInput),
    defaultValues: { password: '' },
  });
  const onError = fieldsOrToast(form.setError, PASSWORD_FIELDS);
  const regenerate = api.account.twoFactor.regenerateRecoveryCodes.useMutation({
    onSuccess: async ({ recoveryCodes }) => {
      form.reset({ password: '' });
      onNewCodes(recoveryCodes);
      await utils.account.invalidate();
    },
    onError,
  });
  const disable = api.account.twoFactor.disable.useMutation({
    onSuccess: async () => {
      toast.success('Two-factor authentication is off');
      form.reset({ password: '' });
      await utils.account.invalidate();
    },
    onError,
  });
  const pending = regenerate.isPending || disable.isPending;

  return (
    <>
      <PostForm onSubmit={form.handleSubmit((values) => regenerate.mutate(values))}>
        <CurrentPasswordField form={form} name="password" hint="Needed for either change below." />
        <div className="flex flex-wrap gap-2">
          <SubmitButton
            variant="outline"
            pending={regenerate.isPending}
            pendingLabel="Generating…"
            disabled={disable.isPending}
          >
            Show new recovery codes
          </SubmitButton>
          <Button
            type="button"
            variant="destructive"
            disabled={pending}
            onClick={form.handleSubmit(() => setConfirming(true))}
          >
            {disable.isPending ? 'Turning off…' : 'Turn off two-factor authentication'}
          </Button>
        </div>
      </PostForm>
      <ConfirmDestructiveDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Turn off two-factor authentication?"
        description="Signing in will need only your password, and your recovery codes stop working."
        cancelLabel="Keep it on"
        confirmLabel="Turn off two-factor authentication"
        onConfirm={() => disable.mutate({ password: form.getValues('password') })}
      />
    </>
  );
}
