import { MENTION_PATTERN, mentionOf } from '@/schemas/mentions';

/** A member as a mention shows them: `label` is what follows the "@" in readable text. */
export interface MentionMember {
  id: string;
  name: string;
  email: string;
  label: string;
}

/**
 * The members with the label each is written with: their name, or, when another member has the
 * same name, their name and e-mail, so that every label leads back to one member.
 */
export function mentionMembers(
  members: readonly { userId: string; name: string; email: string }[],
): MentionMember[] {
  const counts = new Map<string, number>();
  for (const { name } of members) counts.set(name, (counts.get(name) ?? 0) + 1);
  return members.map(({ userId, name, email }) => ({
    id: userId.toLowerCase(),
    name,
    email,
    label: (counts.get(name) ?? 0) > 1 ? `${name} (${email})` : name,
  }));
}

/** Stored text as a person reads it: `<@id>` becomes `@Label`; unknown ids stay as they are. */
export function toReadable(stored: string, members: readonly MentionMember[]): string {
  const labels = new Map(members.map((member) => [member.id, member.label]));
  return stored.replace(MENTION_PATTERN, (reference, id: string) => {
    const label = labels.get(id.toLowerCase());
    return label === undefined ? reference : `@${label}`;
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Readable text as it is stored: every `@Label` of a member, not run on into a longer word,
 * becomes `<@id>`. Longer labels are tried first, so "@Ana Lima" is not taken for "@Ana".
 */
export function toStored(readable: string, members: readonly MentionMember[]): string {
  if (members.length === 0 || !readable.includes('@')) return readable;
  const ids = new Map(members.map((member) => [member.label, member.id]));
  const labels = [...ids.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`@(${labels.join('|')})(?![\\p{L}\\p{M}\\p{N}_])`, 'gu');
  return readable.replace(pattern, (_, label: string) => mentionOf(ids.get(label)!));
}

/** Where a mention is being typed: the "@" at `start` and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/**
 * An "@" at the start of the text or after a space or punctuation (not inside an e-mail
 * address), then a letter or digit and up to 39 more characters of a name, on one line, ending
 * at the caret. Further than that from its "@" the caret is no longer taken to be in a mention.
 */
const TYPED_MENTION = /(?:^|[^\p{L}\p{M}\p{N}_@.])@([\p{L}\p{N}][^\n@]{0,39})$/u;

/** The mention being typed before the caret, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = TYPED_MENTION.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length - 1, query };
}

/** The most suggestions shown at once. */
export const MAX_SUGGESTIONS = 8;

/**
 * The members whose name or e-mail contains the query, ignoring case; those whose name or a
 * word of it starts with the query first.
 */
export function filterMembers(members: readonly MentionMember[], query: string): MentionMember[] {
  const needle = query.toLocaleLowerCase();
  const startsAWord = (member: MentionMember) =>
    member.name
      .toLocaleLowerCase()
      .split(/\s+/)
      .some((_, index, words) => words.slice(index).join(' ').startsWith(needle));
  const matching = members.filter(
    (member) =>
      member.name.toLocaleLowerCase().includes(needle) ||
      member.email.toLocaleLowerCase().includes(needle),
  );
  return [
    ...matching.filter(startsAWord),
    ...matching.filter((member) => !startsAWord(member)),
  ].slice(0, MAX_SUGGESTIONS);
}

/** The text with the typed mention replaced by the member's `@Label` and a space, and the caret after it. */
export function insertMention(
  text: string,
  at: MentionQuery,
  member: MentionMember,
): { text: string; caret: number } {
  const inserted = `@${member.label} `;
  const end = at.start + 1 + at.query.length;
  return {
    text: text.slice(0, at.start) + inserted + text.slice(end),
    caret: at.start + inserted.length,
  };
}
