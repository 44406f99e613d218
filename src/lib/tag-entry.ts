/** The tags of a one-line list, "vip, eu" → ["vip", "eu"]: trimmed, without blanks or repeats. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** The one-line list of tags a form holds: ["vip", "eu"] → "vip, eu". */
export const joinTags = (tags: readonly string[]) => tags.join(', ');

/**
 * The tags after adding what was typed (one tag, or several separated by commas). A tag that is
 * already in use elsewhere keeps that spelling ("VIP" becomes the known "vip"), a tag already
 * chosen is not added twice, and no more than `max` are kept.
 */
export function addTags(
  current: readonly string[],
  typed: string,
  known: readonly string[] = [],
  max = Number.POSITIVE_INFINITY,
): string[] {
  const byLowerCase = new Map(known.map((tag) => [tag.toLowerCase(), tag]));
  const next = [...current];
  for (const item of splitTags(typed)) {
    const tag = byLowerCase.get(item.toLowerCase()) ?? item;
    if (next.length >= max) break;
    if (!next.includes(tag)) next.push(tag);
  }
  return next;
}

/**
 * The known tags worth suggesting for what is being typed: not chosen yet, containing the text
 * (those starting with it first, otherwise in the given order, the most used first), at most
 * `limit`.
 */
export function suggestTags(
  known: readonly string[],
  chosen: readonly string[],
  typed: string,
  limit = 8,
): string[] {
  const query = typed.trim().toLowerCase();
  const open = known.filter((tag) => !chosen.includes(tag));
  if (query === '') return open.slice(0, limit);
  const starting = open.filter((tag) => tag.toLowerCase().startsWith(query));
  const containing = open.filter(
    (tag) => !tag.toLowerCase().startsWith(query) && tag.toLowerCase().includes(query),
  );
  return [...starting, ...containing].slice(0, limit);
}
