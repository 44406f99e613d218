import { useId } from 'react';
import type { FieldValues, Path, RegisterOptions, UseFormReturn } from 'react-hook-form';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

export interface TextFieldProps extends React.ComponentProps<typeof Input> {
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input with its error announced to screen readers. */
export function TextField({ label, error, hint, id, ...props }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const describedBy = [error && `${inputId}-error`, hint && `${inputId}-hint`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="grid gap-2">
      <Label htmlFor={inputId}>{label}</Label>
      <Input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...props}
      />
      {hint && !error ? (
        <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The parts of a react-hook-form form that a field needs. */
export type FieldForm<T extends FieldValues> = Pick<
  UseFormReturn<T>,
  'register' | 'formState' | 'getFieldState'
>;

export type FormTextFieldProps<T extends FieldValues> = Omit<
  TextFieldProps,
  'form' | 'name' | 'error'
> & {
  form: FieldForm<T>;
  name: Path<T>;
  options?: RegisterOptions<T, Path<T>>;
};

/** A TextField registered on a form, showing that field's error. */
export function FormTextField<T extends FieldValues>({
  form,
  name,
  options,
  ...props
}: FormTextFieldProps<T>) {
  const { error } = form.getFieldState(name, form.formState);
  return <TextField error={error?.message} {...props} {...form.register(name, options)} />;
}
