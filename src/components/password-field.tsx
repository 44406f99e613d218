import { TextField, type TextFieldProps } from '@/components/form-field';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete'>;

/** The password of the signed-in account, asked for again before a change that needs it. */
export function CurrentPasswordField({
  label = 'Current password',
  ...props
}: Partial<PasswordFieldProps>) {
  return <TextField label={label} type="password" autoComplete="current-password" {...props} />;
}

/** A password being chosen: the browser may offer one, and the rule for it is said under it. */
export function NewPasswordField(props: Omit<PasswordFieldProps, 'hint'>) {
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      hint="At least 8 characters."
      {...props}
    />
  );
}
