/**
 * A dialog's onCloseAutoFocus that hands focus to `target` when there is one (e.g. the menu
 * button that opened it, which the default would miss once the menu has closed).
 */
export function returnFocusTo(target: React.RefObject<HTMLElement | null> | undefined) {
  return (event: Event) => {
    if (!target?.current) return;
    event.preventDefault();
    target.current.focus();
  };
}
