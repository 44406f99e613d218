'use client';

import { api } from '@/trpc/react';

/** After a deal is created or changed: reads the board, the deal lists and the dashboard again. */
export function useRefreshDealLists() {
  const utils = api.useUtils();
  return () =>
    Promise.all([
      utils.deals.board.invalidate(),
      utils.deals.list.invalidate(),
      utils.dashboard.invalidate(),
    ]);
}
