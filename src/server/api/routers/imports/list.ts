import { importListOutput } from '@/schemas/imports';
import { listImports } from '@/server/db/repositories/imports';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({ permission: 'data:import' })
  .output(importListOutput)
  .query(({ ctx }) => listImports(ctx.tx));
