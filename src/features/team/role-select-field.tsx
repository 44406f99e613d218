'use client';

import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { SelectField } from '@/components/select-field';
import { isRole, type Role } from '@/schemas/permissions';
import { roleDescription, roleLabel } from './role-labels';
import { RoleSelectItems } from './role-select-items';

/** The role a form gives (a member, a key), with what that role may do under it. */
export function RoleSelectField<T extends FieldValues, O>({
  control,
  name,
  id,
  roles,
}: {
  control: Control<T, unknown, O>;
  name: FieldPathByValue<T, Role | undefined>;
  id: string;
  roles: readonly Role[];
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const role =
          typeof field.value === 'string' && isRole(field.value) ? field.value : 'member';
        return (
          <SelectField
            id={id}
            label="Role"
            name={field.name}
            value={role}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            triggerRef={field.ref}
            shown={roleLabel(role)}
            hint={roleDescription(role)}
            error={fieldState.error?.message}
          >
            <RoleSelectItems roles={roles} />
          </SelectField>
        );
      }}
    />
  );
}
