import { z } from 'zod';
import { MAX_TAGS, tag } from '@/schemas/customers';
import { splitTags } from './split-tags';

/** Tags typed on one line, "vip, eu" → ["vip", "eu"], each checked like the server checks a tag. */
export const tagsText = z.string().transform((value, ctx) => {
  const tags = splitTags(value);
  for (const item of tags) {
    const checked = tag.safeParse(item);
    if (!checked.success) {
      ctx.addIssue({
        code: 'custom',
        message: `“${item}” ${checked.error.issues[0]?.message ?? 'is not a valid tag'}`,
      });
    }
  }
  if (tags.length > MAX_TAGS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_TAGS} tags` });
  return tags;
});
