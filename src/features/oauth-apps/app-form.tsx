'use client';

import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { FormTextField } from '@/components/form-field';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { RoleSelectField } from '@/features/team/role-select-field';
import {
  OAUTH_SCOPES,
  oauthAppInput,
  type OAuthAppInput,
  type OAuthAppKind,
  type OAuthAppView,
} from '@/schemas/oauth-apps';
import { PERMISSION_DESCRIPTIONS } from '@/schemas/permission-descriptions';
import { API_KEY_ROLES, type Role } from '@/schemas/permissions';

export const KIND_LABELS: Record<OAuthAppKind, string> = {
  authorization_code: 'Acts for people',
  client_credentials: 'Server to server',
};

/** An app as its form holds it: redirect URIs one per line, logo empty when none. */
export interface AppFormValues {
  name: string;
  kind: OAuthAppKind;
  publicApp: boolean;
  redirectUris: string;
  scopes: string[];
  role: Role;
  logoUrl: string;
}

/** The fields the server's issues may name. */
export const APP_FIELDS = [
  'name',
  'kind',
  'redirectUris',
  'scopes',
  'role',
  'logoUrl',
  'confidential',
];

export const EMPTY_APP: AppFormValues = {
  name: '',
  kind: 'authorization_code',
  publicApp: false,
  redirectUris: '',
  scopes: [],
  role: 'member',
  logoUrl: '',
};

/** A registered app's values, to edit. */
export function appFormValues(app: OAuthAppView): AppFormValues {
  return {
    name: app.name,
    kind: app.kind,
    publicApp: !app.confidential,
    redirectUris: app.redirectUris.join('\n'),
    scopes: app.scopes,
    role: app.role ?? 'member',
    logoUrl: app.logoUrl ?? '',
  };
}

/** The app the values describe: only the fields that belong to its kind. */
function toInput(values: AppFormValues) {
  const forPeople = values.kind === 'authorization_code';
  return {
    name: values.name,
    kind: values.kind,
    confidential: forPeople ? !values.publicApp : true,
    redirectUris: forPeople
      ? values.redirectUris
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
      : [],
    scopes: values.scopes,
    role: forPeople ? undefined : values.role,
    logoUrl: values.logoUrl.trim() || undefined,
  };
}

/**
 * The app the form describes, checked by the rules of a registered app (the server's own), or
 * null with each wrong field marked.
 */
export function checkedApp(
  form: UseFormReturn<AppFormValues>,
  values: AppFormValues,
): OAuthAppInput | null {
  const parsed = oauthAppInput.safeParse(toInput(values));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'confidential' ? 'publicApp' : issue.path[0];
    if (typeof field === 'string' && field in EMPTY_APP) {
      form.setError(field as keyof AppFormValues, { message: issue.message });
    }
  }
  return null;
}

/**
 * An app's fields. A registered app keeps its kind and whether it has a secret, so editing one
 * (`registered`) shows its kind rather than offering a choice.
 */
export function AppFields({
  form,
  registered = false,
}: {
  form: UseFormReturn<AppFormValues>;
  registered?: boolean;
}) {
  const ids = useId();
  const kind = useWatch({ control: form.control, name: 'kind' });
  const errors = form.formState.errors;
  const kindHint =
    kind === 'authorization_code'
      ? 'People sign in and allow the app to act for them, with their own role.'
      : 'A server signs in with its secret and acts with the role you give it.';
  return (
    <>
      <FormTextField
        form={form}
        name="name"
        label="Name"
        autoComplete="off"
        hint="What people see when the app asks for access."
      />
      {registered ? (
        <div className="grid gap-1">
          <p className="text-sm font-medium">Kind</p>
          <p className="text-sm">
            {KIND_LABELS[kind]}
            {form.getValues('publicApp') ? ', public (no secret)' : null}
          </p>
          <p className="text-xs text-muted-foreground">{kindHint} The kind cannot change.</p>
        </div>
      ) : (
        <div className="grid gap-2">
          <Label htmlFor={`${ids}-kind`}>Kind</Label>
          <NativeSelect id={`${ids}-kind`} {...form.register('kind')}>
            <option value="authorization_code">{KIND_LABELS.authorization_code}</option>
            <option value="client_credentials">{KIND_LABELS.client_credentials}</option>
          </NativeSelect>
          <p className="text-xs text-muted-foreground">{kindHint}</p>
        </div>
      )}
      {kind === 'authorization_code' ? (
        <>
          <FieldError id={`${ids}-redirect`} message={errors.redirectUris?.message}>
            <Label htmlFor={`${ids}-redirect`}>Redirect URIs</Label>
            <Textarea
              id={`${ids}-redirect`}
              rows={3}
              spellCheck={false}
              placeholder="https://app.example.com/oauth/callback"
              aria-invalid={errors.redirectUris ? true : undefined}
              aria-describedby={`${ids}-redirect-hint ${ids}-redirect-error`}
              {...form.register('redirectUris')}
            />
            <p id={`${ids}-redirect-hint`} className="text-xs text-muted-foreground">
              One per line, matched exactly. https, or http on localhost.
            </p>
          </FieldError>
          {registered ? null : (
            <>
              <label className="flex items-center gap-2 text-sm">
                <Checkbox {...form.register('publicApp')} />
                Public app (no secret)
              </label>
              <p className="-mt-2 text-xs text-muted-foreground">
                For apps in a browser or on a device, which cannot keep a secret.
              </p>
            </>
          )}
        </>
      ) : (
        <RoleSelectField
          control={form.control}
          name="role"
          id={`${ids}-role`}
          roles={API_KEY_ROLES}
        />
      )}
      <FieldError id={`${ids}-scopes`} message={errors.scopes?.message}>
        <fieldset className="grid gap-2" aria-describedby={`${ids}-scopes-error`}>
          <legend className="mb-2 text-sm font-medium">Permissions</legend>
          <div className="grid max-h-56 gap-2 overflow-y-auto rounded-md border p-3">
            {OAUTH_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <Checkbox value={scope} className="mt-0.5" {...form.register('scopes')} />
                {PERMISSION_DESCRIPTIONS[scope]}
              </label>
            ))}
          </div>
        </fieldset>
      </FieldError>
      <FormTextField
        form={form}
        name="logoUrl"
        label="Logo URL"
        type="url"
        autoComplete="off"
        hint="Optional: an https address of a square image."
      />
    </>
  );
}

/** A field group with its error below, announced to screen readers. */
function FieldError({
  id,
  message,
  children,
}: {
  id: string;
  message: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <div className="grid gap-2">
      {children}
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
    </div>
  );
}
