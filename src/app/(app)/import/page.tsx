import type { Metadata } from 'next';
import { ImportView } from '@/features/import/import-view';
import { can } from '@/schemas/permissions';
import { getServerContext, HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Import customers' };

export default async function ImportPage() {
  if (await rendersForMember()) {
    const role = (await getServerContext()).principal?.organization?.role;
    if (role && can(role, 'data:import')) void serverApi.imports.list.prefetch();
  }
  return (
    <HydrateClient>
      <ImportView />
    </HydrateClient>
  );
}
