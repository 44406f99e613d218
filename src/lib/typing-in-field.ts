/**
 * Whether a key pressed at `target` is being typed into a field, where letters such as J, K, /
 * and ? are text rather than shortcuts. Boxes and buttons are not fields.
 */
export function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target.tagName === 'INPUT' &&
      !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(
        (target as HTMLInputElement).type,
      ))
  );
}
