import type { QueryClient } from '@tanstack/react-query';
import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '@/server/api/root';

/** The query keys' first part of the routers that read what changes leave behind. */
const HISTORY_ROUTERS = ['audit', 'timeline'];

/**
 * Every change the server accepts writes its audit row, and most show on a timeline: after
 * any mutation (a hook's or a direct client call), the audit and timeline queries on screen
 * are read again. Screens still refresh the lists the change touched themselves.
 */
export function historyRefreshLink(queryClient: QueryClient): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => {
            observer.next(value);
            if (op.type !== 'mutation') return;
            for (const router of HISTORY_ROUTERS) {
              void queryClient.invalidateQueries({ queryKey: [[router]] });
            }
          },
          error: (error) => observer.error(error),
          complete: () => observer.complete(),
        }),
      );
}
