'use client';

import { useEffect } from 'react';

/**
 * Marks the document once React has taken the page over (`<html data-hydrated>`). Until then a
 * press on a button does nothing; browser tests wait for the mark before acting, as a person
 * waits for a page to come alive.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
  return null;
}
