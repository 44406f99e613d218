import type { Metadata } from 'next';
import { ImportView } from '@/features/import/import-view';
import { IMPORT_KINDS } from '@/schemas/imports';
import { can } from '@/schemas/permissions';
import { getServerContext, HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string | string[] }>;
}) {
  const { kind } = await searchParams;
  const initialKind = IMPORT_KINDS.find((candidate) => candidate === kind) ?? 'customers';
  if (await rendersForMember()) {
    const role = (await getServerContext()).principal?.organization?.role;
    if (role && can(role, 'data:import')) void serverApi.imports.list.prefetch();
  }
  return (
    <HydrateClient>
      <ImportView initialKind={initialKind} />
    </HydrateClient>
  );
}
