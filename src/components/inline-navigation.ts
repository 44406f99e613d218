/**
 * Where keys move to in a list: the next editable cell on Tab, the next record on J / K. Pure,
 * so the rules are the same whatever draws the cells and rows.
 */

export type Step = 1 | -1;

/** The position one `step` from `current` among `count` places; none past either end. */
export function stepIndex(count: number, current: number, step: Step): number | undefined {
  if (current < 0 || current >= count) return undefined;
  const next = current + step;
  return next >= 0 && next < count ? next : undefined;
}

/** The id one `step` from `currentId` in `ids`; none past either end or when it is not there. */
export function neighbourId(
  ids: readonly string[],
  currentId: string,
  step: Step,
): string | undefined {
  const next = stepIndex(ids.length, ids.indexOf(currentId), step);
  return next === undefined ? undefined : ids[next];
}

/** A key press as far as record stepping cares: the key, its modifiers, where it was typed. */
export interface RecordKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Typed into a text box, a select or an editable region, where J and K are letters. */
  inField: boolean;
}

/** J: the next record, K: the previous one; nothing with a modifier or while typing. */
export function recordStep({
  key,
  altKey,
  ctrlKey,
  metaKey,
  inField,
}: RecordKey): Step | undefined {
  if (inField || altKey || ctrlKey || metaKey) return undefined;
  if (key === 'j' || key === 'J') return 1;
  if (key === 'k' || key === 'K') return -1;
  return undefined;
}

/** What an inline edit does with a key: save, save and move on (Tab), or cancel. */
export type InlineKeyAction =
  { action: 'save' } | { action: 'save-and-move'; step: Step } | { action: 'cancel' };

export function inlineKeyAction(key: string, shiftKey: boolean): InlineKeyAction | undefined {
  if (key === 'Enter') return { action: 'save' };
  if (key === 'Escape') return { action: 'cancel' };
  if (key === 'Tab') return { action: 'save-and-move', step: shiftKey ? -1 : 1 };
  return undefined;
}
