'use client';

import { useMemo } from 'react';
import { api } from '@/trpc/react';
import { mentionMembers, type MentionMember } from './mention-text';

/**
 * The organization's members as mentions name them, with their current names; undefined until
 * they are loaded.
 */
export function useMentionMembers(): readonly MentionMember[] | undefined {
  const members = api.members.list.useQuery({});
  return useMemo(
    () => (members.data ? mentionMembers(members.data.items) : undefined),
    [members.data],
  );
}
