'use client';

import { useId } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectTrigger, SelectValue } from '@/components/ui/select';
import { cn } from '@/lib/utils';

export interface SelectFieldProps {
  label: string;
  labelClassName?: string;
  /** The trigger's id; one is made up when left out. */
  id?: string;
  name?: string;
  value: string;
  onValueChange: (value: string) => void;
  onBlur?: () => void;
  triggerRef?: React.Ref<HTMLButtonElement>;
  disabled?: boolean;
  placeholder?: string;
  /** What the closed select shows, when not the text of the chosen item. */
  shown?: React.ReactNode;
  /** Names the select for assistive technology instead of its visible label. */
  accessibleName?: string;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  triggerClassName?: string;
  /** The options: SelectItems. */
  children: React.ReactNode;
}

/** A labelled select with its hint, or its error announced to screen readers. */
export function SelectField({
  label,
  labelClassName,
  id,
  name,
  value,
  onValueChange,
  onBlur,
  triggerRef,
  disabled,
  placeholder,
  shown,
  accessibleName,
  hint,
  error,
  className,
  triggerClassName,
  children,
}: SelectFieldProps) {
  const generatedId = useId();
  const triggerId = id ?? generatedId;
  const describedBy = error ? `${triggerId}-error` : hint ? `${triggerId}-hint` : undefined;
  return (
    <div className={cn('grid gap-2', className)}>
      <Label htmlFor={triggerId} className={labelClassName}>
        {label}
      </Label>
      <Select name={name} value={value} onValueChange={onValueChange} disabled={disabled}>
        <SelectTrigger
          id={triggerId}
          ref={triggerRef}
          className={triggerClassName}
          aria-label={accessibleName}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onBlur={onBlur}
        >
          <SelectValue placeholder={placeholder}>{shown}</SelectValue>
        </SelectTrigger>
        <SelectContent>{children}</SelectContent>
      </Select>
      {hint && !error ? (
        <p id={`${triggerId}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${triggerId}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type BoundProps = 'value' | 'onValueChange' | 'onBlur' | 'triggerRef' | 'name';

/**
 * A SelectField holding a string field of a react-hook-form form (empty until one is chosen),
 * showing that field's error unless given another.
 */
export function FormSelectField<
  T extends FieldValues,
  O,
  N extends FieldPathByValue<T, string | undefined>,
>({
  control,
  name,
  ...props
}: Omit<SelectFieldProps, BoundProps> & { control: Control<T, unknown, O>; name: N }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SelectField
          error={fieldState.error?.message}
          {...props}
          name={field.name}
          value={field.value ?? ''}
          onValueChange={field.onChange}
          onBlur={field.onBlur}
          triggerRef={field.ref}
        />
      )}
    />
  );
}
