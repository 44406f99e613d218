import type { Metadata } from 'next';
import { TeamView } from '@/features/team/team-view';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  if (await rendersForMember()) void serverApi.members.list.prefetch({});
  return (
    <HydrateClient>
      <TeamView />
    </HydrateClient>
  );
}
