import { apiKeyListOutput } from '@/schemas/api-keys';
import { listApiKeys } from '@/server/db/repositories/api-keys';
import { keyManagementProcedure } from './key-management';

export const list = keyManagementProcedure
  .output(apiKeyListOutput)
  .query(({ ctx }) => listApiKeys(ctx.tx));
