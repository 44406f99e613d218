import { importPreviewInput, importPreviewOutput } from '@/schemas/imports';
import { previewImport } from '@/server/domain/imports/preview';
import { organizationProcedure } from '../../trpc';

/** The file's columns, a few rows, and a suggested mapping; nothing is stored. */
export const preview = organizationProcedure
  .meta({ permission: 'data:import', readOnly: true })
  .input(importPreviewInput)
  .output(importPreviewOutput)
  .mutation(({ input }) => previewImport(input.csv, input.kind));
