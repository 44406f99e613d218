import type { FieldValues } from 'react-hook-form';
import { FormTextField, type FormTextFieldProps } from '@/components/form-field';

type PasswordFieldProps<T extends FieldValues> = Omit<
  FormTextFieldProps<T>,
  'type' | 'autoComplete' | 'label'
> & { label?: string };

/** The password of the signed-in account, asked for again before a change that needs it. */
export function CurrentPasswordField<T extends FieldValues>({
  label = 'Current password',
  ...props
}: PasswordFieldProps<T>) {
  return <FormTextField label={label} type="password" autoComplete="current-password" {...props} />;
}

/** A password being chosen: the browser may offer one, and the rule for it is said under it. */
export function NewPasswordField<T extends FieldValues>({
  label = 'Password',
  ...props
}: Omit<PasswordFieldProps<T>, 'hint'>) {
  return (
    <FormTextField
      label={label}
      type="password"
      autoComplete="new-password"
      hint="At least 8 characters."
      {...props}
    />
  );
}
