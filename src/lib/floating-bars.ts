import { useEffect, useId, useState, useSyncExternalStore } from 'react';

/** Space between the viewport's bottom edge and the lowest bar, and between stacked bars. */
export const FLOATING_BAR_GAP = 16;

/**
 * Where each of the bars floating at the bottom of the viewport sits (its distance from the
 * bottom edge, stacked in the order they appeared) and how much room the page must leave under
 * its content so that no bar hides the end of it.
 */
export function stackFloatingBars(heights: readonly number[], gap = FLOATING_BAR_GAP) {
  const bottoms: number[] = [];
  let next = gap;
  for (const height of heights) {
    bottoms.push(next);
    next += height + gap;
  }
  return { bottoms, reserved: heights.length > 0 ? next : 0 };
}

// The bars shown right now, by id, in the order they appeared, with their measured heights.
const heights = new Map<string, number>();
const listeners = new Set<() => void>();
let stack = stackFloatingBars([]);
let ids: string[] = [];

function changed() {
  ids = [...heights.keys()];
  stack = stackFloatingBars([...heights.values()]);
  // Padding at the very end of the page: nothing above moves, the last rows can scroll clear.
  document.body.style.paddingBottom = stack.reserved > 0 ? `${stack.reserved}px` : '';
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * For a bar that floats over the bottom of the viewport while it is shown (what can be done to
 * the selected rows): the callback to give its `ref` and its distance from the bottom edge. While any bar
 * is shown the page gets room under its content, so the bar never covers the last rows.
 */
export function useFloatingBar<T extends HTMLElement>() {
  const id = useId();
  const [element, setElement] = useState<T | null>(null);

  useEffect(() => {
    if (!element) return;
    const measure = () => {
      heights.set(id, element.offsetHeight);
      changed();
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => {
      observer.disconnect();
      heights.delete(id);
      changed();
    };
  }, [element, id]);

  const bottom = useSyncExternalStore(
    subscribe,
    () => stack.bottoms[ids.indexOf(id)] ?? FLOATING_BAR_GAP,
    () => FLOATING_BAR_GAP,
  );
  return [setElement, bottom] as const;
}

/**
 * A floating bar: centred over the bottom of the viewport, as wide as its content allows, out of
 * the page's flow so showing it moves nothing. No transform, so dialogs inside stay fixed to the
 * viewport.
 */
export const FLOATING_BAR_CLASSES =
  'fixed inset-x-0 z-40 mx-auto flex w-fit max-w-[calc(100%-2rem)] flex-wrap items-center gap-2 rounded-lg border bg-background px-3 py-2 shadow-lg';
