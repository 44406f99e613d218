import { AppError } from '@/server/errors';

/**
 * The conflict of an optimistic update: the record is no longer at the version the caller read
 * (`expectedVersion`), so it must reload before changing it.
 */
export function staleVersion(current: number) {
  return new AppError(
    'CONFLICT',
    `Someone else changed this in the meantime (it is now at version ${current}); reload and try again`,
    {
      issues: [
        { path: ['expectedVersion'], message: `is out of date; the current version is ${current}` },
      ],
    },
  );
}
