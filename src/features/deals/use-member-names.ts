'use client';

import { useMemo } from 'react';
import { api } from '@/trpc/react';

/**
 * The names of the organization's members by user id, for owners and for who moved a deal.
 * Someone no longer a member has no name here.
 */
export function useMemberNames(): ReadonlyMap<string, string> {
  const members = api.members.list.useQuery({});
  return useMemo(
    () => new Map((members.data?.items ?? []).map((member) => [member.userId, member.name])),
    [members.data],
  );
}

/** An owner's name, "No owner", or "A former member". */
export function ownerLabel(names: ReadonlyMap<string, string>, ownerId: string | null): string {
  if (!ownerId) return 'No owner';
  return names.get(ownerId) ?? 'A former member';
}
