import type { Metadata } from 'next';
import { auditFiltersFrom, auditListParams } from '@/features/audit/list-params';
import { AuditView } from '@/features/audit/audit-view';
import { toSearchParams } from '@/lib/url-params';
import { can } from '@/schemas/permissions';
import { getServerContext, HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Audit trail' };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = auditFiltersFrom(toSearchParams(await searchParams));
  if (await rendersForMember()) {
    const { principal } = await getServerContext();
    const role = principal?.organization?.role;
    if (role && can(role, 'audit:read')) {
      void serverApi.members.list.prefetch({});
      // Dates are days in the browser's time zone, unknown here; such a view loads in the browser.
      if (!filters.from && !filters.to) {
        void serverApi.audit.list.prefetchInfinite(auditListParams(filters));
      }
    }
  }
  return (
    <HydrateClient>
      <AuditView />
    </HydrateClient>
  );
}
