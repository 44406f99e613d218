import { useSyncExternalStore } from 'react';
import type { ExternalToast } from 'sonner';

/**
 * Toasts (sonner), with sonner loaded at the first toast rather than with every page. Toasts
 * asked for while it loads are shown as soon as its Toaster listens.
 */
type Kind = 'success' | 'error' | 'info';

let wanted = false;
const listeners = new Set<() => void>();
let signalReady: () => void = () => {};
const toasterListening = new Promise<void>((resolve) => {
  signalReady = resolve;
});

function show(kind: Kind, message: string, options?: ExternalToast) {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  void toasterListening
    .then(() => import('sonner'))
    .then(({ toast: sonnerToast }) => sonnerToast[kind](message, options));
}

export const toast = {
  success: (message: string, options?: ExternalToast) => show('success', message, options),
  error: (message: string, options?: ExternalToast) => show('error', message, options),
  info: (message: string, options?: ExternalToast) => show('info', message, options),
};

/** Whether a toast has been asked for, so the Toaster should be mounted. */
export function useToasterWanted() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => wanted,
    () => false,
  );
}

/** Called by the mounted Toaster once it listens for toasts. */
export const toasterIsListening = () => signalReady();
