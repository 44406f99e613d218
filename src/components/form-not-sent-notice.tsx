'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';

/**
 * Says that a form sent before the page had finished loading did nothing (the page, requested
 * with POST, is shown again). It stays until the person moves to another page.
 */
export function FormNotSentNotice() {
  const pathname = usePathname();
  const [shownOn] = useState(pathname);
  if (pathname !== shownOn) return null;
  return (
    <p
      role="alert"
      className="border-b border-destructive/40 bg-destructive/10 px-4 py-3 text-center text-sm text-destructive"
    >
      Nothing was sent: the page had not finished loading. Fill in the form again.
    </p>
  );
}
