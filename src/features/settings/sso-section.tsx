'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { CopyButton } from '@/components/copy-button';
import { FormTextField } from '@/components/form-field';
import { PostForm } from '@/components/post-form';
import { QueryState } from '@/components/query-state';
import { FormSelectField } from '@/components/select-field';
import { SettingsSection } from '@/components/settings-section';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Switch } from '@/components/ui/switch';
import { RoleSelectItems } from '@/features/team/role-select-items';
import { fieldsOrToast } from '@/lib/form-errors';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { SSO_DEFAULT_ROLES, ssoConnectionInput } from '@/schemas/sso';
import { api, type RouterOutputs } from '@/trpc/react';

type SsoSettings = RouterOutputs['sso']['get'];

/** The form holds the domains as the text people type: separated by commas or spaces. */
const formSchema = ssoConnectionInput.extend({
  allowedDomains: z
    .string()
    .transform((text) => text.split(/[\s,]+/).filter(Boolean))
    .pipe(ssoConnectionInput.shape.allowedDomains),
});
type FormValues = z.input<typeof formSchema>;
type SentValues = z.output<typeof formSchema>;

const FIELDS = ['issuer', 'clientId', 'clientSecret', 'allowedDomains', 'defaultRole'] as const;

export function SsoSection() {
  const settings = api.sso.get.useQuery();
  return (
    <SettingsSection
      title="Single sign-on"
      description="Let your team sign in through your OpenID Connect provider (Okta, Microsoft Entra ID, Google Workspace, Keycloak…)."
    >
      <QueryState
        query={settings}
        loading={{ label: 'Loading single sign-on', shape: 'fields', count: 4 }}
        failure="Single sign-on settings could not be loaded."
      >
        {(data) => (
          <>
            <div className="grid gap-2 text-sm">
              <p className="font-medium">Callback URL</p>
              <p className="text-muted-foreground">
                Register this redirect URI for the app at your provider.
              </p>
              <p className="flex flex-wrap items-center gap-2">
                <code className="min-w-0 rounded bg-muted px-2 py-1 font-mono break-all">
                  {data.callbackUrl}
                </code>
                <CopyButton value={data.callbackUrl} accessibleLabel="Copy the callback URL" />
              </p>
            </div>
            {/* Keyed, so the form starts again from what was saved. */}
            <SsoForm key={data.connection?.updatedAt.toISOString() ?? 'new'} settings={data} />
          </>
        )}
      </QueryState>
    </SettingsSection>
  );
}

function SsoForm({ settings }: { settings: SsoSettings }) {
  const { connection } = settings;
  const utils = api.useUtils();
  const form = useForm<FormValues, unknown, SentValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      issuer: connection?.issuer ?? '',
      clientId: connection?.clientId ?? '',
      clientSecret: '',
      allowedDomains: connection?.allowedDomains.join(', ') ?? '',
      defaultRole: connection?.defaultRole ?? 'member',
      ssoOnly: connection?.ssoOnly ?? false,
    },
  });
  const save = api.sso.save.useMutation({
    onSuccess: async () => {
      toast.success('Single sign-on saved');
      await utils.sso.get.invalidate();
    },
    onError: fieldsOrToast(form.setError, FIELDS),
  });
  const checkProvider = async () => {
    const issuer = form.getValues('issuer');
    try {
      const result = await utils.sso.check.fetch({ issuer });
      if (result.ok) toast.success('The provider answered as expected');
      else toast.error(result.message ?? 'The provider could not be used');
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  return (
    <PostForm onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <FormTextField
        form={form}
        name="issuer"
        label="Issuer URL"
        placeholder="https://login.example.com"
        hint="The provider's issuer; its discovery document must name exactly this URL."
        autoComplete="off"
      />
      <FormTextField form={form} name="clientId" label="Client ID" autoComplete="off" />
      <FormTextField
        form={form}
        name="clientSecret"
        label="Client secret"
        type="password"
        autoComplete="new-password"
        hint={connection ? 'Leave empty to keep the saved secret.' : undefined}
      />
      <FormTextField
        form={form}
        name="allowedDomains"
        label="Allowed e-mail domains"
        placeholder="example.com, example.org"
        hint="People with addresses at these domains sign in here; separate them with commas."
        autoComplete="off"
      />
      <FormSelectField
        control={form.control}
        name="defaultRole"
        label="Role of new people"
        hint="The role of people who sign in through the provider before they are members."
      >
        <RoleSelectItems roles={SSO_DEFAULT_ROLES} />
      </FormSelectField>
      <SsoOnlySwitch form={form} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save single sign-on
        </SubmitButton>
        <Button type="button" variant="outline" onClick={() => void checkProvider()}>
          Check provider
        </Button>
        {connection ? <RemoveSsoButton /> : null}
      </div>
    </PostForm>
  );
}

function SsoOnlySwitch({
  form,
}: {
  form: ReturnType<typeof useForm<FormValues, unknown, SentValues>>;
}) {
  const id = useId();
  return (
    <div className="grid gap-1">
      <div className="flex items-center gap-2">
        <Controller
          control={form.control}
          name="ssoOnly"
          render={({ field }) => (
            <Switch
              id={id}
              checked={field.value ?? false}
              onCheckedChange={field.onChange}
              aria-describedby={`${id}-hint`}
            />
          )}
        />
        <Label htmlFor={id}>SSO only</Label>
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        Members must sign in through the provider to work in this organization. Owners keep password
        access, so a broken provider cannot lock the organization out. API keys and connected apps
        are not affected.
      </p>
    </div>
  );
}

function RemoveSsoButton() {
  const utils = api.useUtils();
  const remove = api.sso.remove.useMutation({
    onSuccess: async () => {
      toast.success('Single sign-on removed');
      await utils.sso.get.invalidate();
    },
  });
  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button type="button" variant="outline">
          Remove single sign-on
        </Button>
      }
      title="Remove single sign-on?"
      description="Nobody will sign in through the provider any more, the sessions it opened end, and “SSO only” ends. People who have no password will need to set one with “Forgot your password?”."
      confirmLabel="Remove single sign-on"
      pendingLabel="Removing…"
      onConfirm={() => remove.mutateAsync()}
    />
  );
}
