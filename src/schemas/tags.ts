import { z } from 'zod';

/** The most tags the organization's tag list holds, the most used first. */
export const MAX_LISTED_TAGS = 500;

export const tagListOutput = z
  .array(
    z.object({
      tag: z.string(),
      uses: z
        .number()
        .int()
        .meta({ description: 'How many live customers and companies have it.' }),
    }),
  )
  .meta({ description: 'The tags in use, the most used first, then by name.' });
export type TagUse = z.output<typeof tagListOutput>[number];
