import { useState } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';

/**
 * A mutation's onError for a form: the server's issues go on the fields they name, and a
 * failure that names none of them is told in a toast.
 */
export function fieldsOrToast<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly string[],
) {
  return (error: unknown) => {
    if (!applyServerErrors(error, setError, fields)) toast.error(describeError(error));
  };
}

/**
 * The error of a form as a whole, for forms that show it in place (sign-in and the like) rather
 * than in a toast. `showServerError` is a mutation's onError: the server's issues go on the
 * fields they name, and a failure that names none of them becomes the form's error.
 */
export function useFormError<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly string[] = [],
) {
  const [formError, setFormError] = useState<string | null>(null);
  return {
    formError,
    setFormError,
    clearFormError: () => setFormError(null),
    showServerError: (error: unknown) => {
      if (!applyServerErrors(error, setError, fields)) setFormError(describeError(error));
    },
  };
}
