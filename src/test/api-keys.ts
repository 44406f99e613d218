import type { Role } from '@/schemas/permissions';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { issueApiKey } from '@/server/domain/api-keys';

export async function createTestApiKey(db: Database, organizationId: string, role: Role = 'admin') {
  return withIdentity(db, (tx) =>
    issueApiKey(tx, { organizationId, name: `${role} key`, role, createdById: null }),
  );
}
