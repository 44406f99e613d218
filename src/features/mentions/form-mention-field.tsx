'use client';

import { useId } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { Label } from '@/components/ui/label';
import { MentionTextarea } from './mention-textarea';

/** A labelled MentionTextarea holding a text field of a form, showing that field's error. */
export function FormMentionField<
  T extends FieldValues,
  O,
  N extends FieldPathByValue<T, string | undefined>,
>({
  control,
  name,
  label,
  rows,
}: {
  control: Control<T, unknown, O>;
  name: N;
  label: string;
  rows?: number;
}) {
  const id = useId();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message;
        return (
          <div className="grid gap-2">
            <Label htmlFor={id}>{label}</Label>
            <MentionTextarea
              id={id}
              rows={rows}
              name={field.name}
              ref={field.ref}
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              disabled={field.disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
                {error}
              </p>
            ) : null}
          </div>
        );
      }}
    />
  );
}
