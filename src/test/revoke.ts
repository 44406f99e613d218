import { eq } from 'drizzle-orm';
import { apiKeys } from '@/server/db/schema';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';

export async function revokeApiKeyForTest(db: Database, id: string) {
  await withIdentity(db, (tx) =>
    tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)),
  );
}
