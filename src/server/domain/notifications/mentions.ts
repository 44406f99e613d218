import { mentionedIds } from '@/schemas/mentions';
import { listMembers } from '@/server/db/repositories/members';
import type { TenantTx } from '@/server/db/types';
import { AppError } from '@/server/errors';

/**
 * Refuses (400, naming the field) a text that newly mentions someone who is not a member: they
 * could not read what they were mentioned in, so would never be told, and the writer must
 * know. A mention already in the text before (`earlier`: of someone since removed) is kept.
 */
export async function assertMentionsAreMembers(
  tx: TenantTx,
  texts: Record<string, string | null | undefined>,
  earlier: (string | null | undefined)[] = [],
) {
  const known = new Set(mentionedIds(...earlier));
  const added = (text: string | null | undefined) =>
    mentionedIds(text).filter((id) => !known.has(id));
  const mentioned = Object.entries(texts).filter(([, text]) => added(text).length > 0);
  if (mentioned.length === 0) return;
  const members = new Set((await listMembers(tx)).map((member) => member.userId));
  const issues = mentioned
    .filter(([, text]) => added(text).some((id) => !members.has(id)))
    .map(([field]) => ({
      path: [field],
      message: 'mentions someone who is not a member of this organization, who would not be told',
    }));
  if (issues.length > 0) {
    throw new AppError('BAD_REQUEST', 'Only members of this organization can be mentioned', {
      issues,
    });
  }
}
