'use client';

import { useEffect, useRef } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Button } from '@/components/ui/button';

/** Fresh recovery codes, shown once; the heading takes focus so screen readers start here. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="grid gap-3 rounded-md border bg-muted/40 p-4">
      <h3 ref={headingRef} tabIndex={-1} className="font-medium outline-none">
        Your recovery codes
      </h3>
      <p className="text-sm text-muted-foreground">
        Store these somewhere safe. Each works once. You will not see them again.
      </p>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={codes.join('\n')} label="Copy recovery codes" />
        <Button type="button" size="sm" onClick={onDone}>
          I have stored them
        </Button>
      </div>
    </div>
  );
}
