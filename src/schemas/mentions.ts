/**
 * A mention in a note is a reference to a member, `<@user-id>`, never their name: it survives
 * renames and is drawn with the member's current name.
 */
export const MENTION_PATTERN =
  /<@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})>/gi;

export const mentionOf = (userId: string) => `<@${userId}>`;

/** The members a text mentions, each once, in order. */
export function mentionedIds(...texts: (string | null | undefined)[]): string[] {
  const ids = texts.flatMap((text) =>
    [...(text ?? '').matchAll(MENTION_PATTERN)].map((match) => match[1]!.toLowerCase()),
  );
  return [...new Set(ids)];
}
