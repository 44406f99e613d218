'use client';

import { useRouter } from 'next/navigation';
import { api } from '@/trpc/react';

/**
 * Leaves the settings page after the session or organization changed under it: every cached
 * query is marked stale (without refetching here, where they would now fail) and the server
 * components render again for the new state.
 */
export function useLeavePage() {
  const router = useRouter();
  const utils = api.useUtils();
  return async (to: '/sign-in' | '/customers') => {
    await utils.invalidate(undefined, { refetchType: 'none' });
    router.replace(to);
    router.refresh();
  };
}
