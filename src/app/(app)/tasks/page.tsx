import type { Metadata } from 'next';
import { TasksView } from '@/features/tasks/tasks-view';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Tasks' };

export default async function TasksPage() {
  // The task lists depend on the browser's time zone, so only the member names are fetched
  // ahead; the lists load in the browser.
  if (await rendersForMember()) void serverApi.members.list.prefetch({});
  return (
    <HydrateClient>
      <TasksView />
    </HydrateClient>
  );
}
