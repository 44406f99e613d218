'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * How many times the URL has asked for a new record of this kind (`?new=customer`, as the
 * search palette's "New customer" links do), counting the ask the page came with. A create
 * dialog opens on each ask, also when the page is already open. The ask is taken out of the
 * URL at once, so a reload or the back button does not ask again. `listening` false: a second
 * copy of the same button on the page, which leaves the ask to the first.
 */
export function useNewRecordParam(kind: string, listening = true): number {
  const asked = useSearchParams().get('new') === kind && listening;
  const [asks, setAsks] = useState(asked ? 1 : 0);
  const [wasAsked, setWasAsked] = useState(asked);
  if (asked !== wasAsked) {
    setWasAsked(asked);
    if (asked) setAsks(asks + 1);
  }

  useEffect(() => {
    if (!asked) return;
    const url = new URL(window.location.href);
    url.searchParams.delete('new');
    window.history.replaceState(null, '', url);
  }, [asked]);

  return asks;
}
