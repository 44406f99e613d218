'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

function onApplePlatform() {
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform;
  return /mac|iphone|ipad|ipod/i.test(platform || navigator.userAgent);
}

/**
 * The name of the key that goes with K to open the search palette: "⌘" on Apple devices, "Ctrl"
 * elsewhere. The server and the first render say "Ctrl", so hydration matches; the browser's
 * platform is read right after.
 */
export function useCommandKeyLabel(): '⌘' | 'Ctrl' {
  return useSyncExternalStore(
    subscribe,
    () => (onApplePlatform() ? '⌘' : 'Ctrl'),
    () => 'Ctrl',
  );
}
