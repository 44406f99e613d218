'use client';

import { useCurrentUserId } from '@/components/current-user-provider';
import { useCan } from '@/components/permissions-provider';
import { api } from '@/trpc/react';
import { checklistStorageKey, useChecklistHidden } from './use-checklist-hidden';

/**
 * The organization's onboarding: its progress (read afresh on each visit, so a step taken on
 * another page shows as done on return), and whether the checklist is shown: steps are left
 * that this person can take, and they did not hide it.
 */
export function useGetStarted() {
  const userId = useCurrentUserId();
  // Only an owner may make someone else an owner, so only an owner's invitations offer it.
  const canAssignOwner = useCan('org:transfer');
  const progress = api.onboarding.progress.useQuery(undefined, { staleTime: 0 });
  const data = progress.data;
  const { hidden, hide } = useChecklistHidden(
    data ? checklistStorageKey(userId, data.organizationId) : null,
  );
  const stepsLeft = data ? data.doneCount < data.steps.length : false;
  return { progress: data, showChecklist: stepsLeft && !hidden, canAssignOwner, hide };
}
