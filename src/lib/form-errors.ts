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
