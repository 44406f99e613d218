import { useCallback, useState, type SetStateAction } from 'react';

/**
 * Open state for a dialog or menu whose code loads on first use: `mounted` turns true with
 * the first opening and stays so, letting the lazily loaded part close (and hand focus back)
 * in place instead of vanishing. `initiallyOpen` opens it as the page comes (a link asked for it).
 */
export function useOpenOnce(initiallyOpen = false) {
  const [state, setState] = useState({ open: initiallyOpen, mounted: initiallyOpen });
  const setOpen = useCallback(
    (next: SetStateAction<boolean>) =>
      setState((current) => {
        const open = typeof next === 'function' ? next(current.open) : next;
        return { open, mounted: current.mounted || open };
      }),
    [],
  );
  return {
    open: state.open,
    mounted: state.mounted,
    setOpen,
    /** The open state as a dialog takes it. */
    dialog: { open: state.open, onOpenChange: setOpen },
  };
}
