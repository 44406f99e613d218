'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

const TAG_DELAY_MS = 400;

/** A list's "Tag" filter: only records with this tag, applied a moment after the last keystroke. */
export function TagFilter({
  tag,
  maxLength,
  onChange,
}: {
  tag: string;
  maxLength: number;
  onChange: (tag: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(tag);
  const [seen, setSeen] = useState(tag);
  // Cleared or changed from elsewhere (Clear filters, the back button, a view): show it.
  if (tag !== seen) {
    setSeen(tag);
    if (text.trim() !== tag) setText(tag);
  }

  // The latest handler, so a parent re-rendering with a new one does not restart the pause.
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (text.trim() === tag) return;
    const timer = setTimeout(() => change.current(text.trim()), TAG_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, tag]);

  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>Tag</Label>
      <Input
        id={id}
        className="w-36"
        value={text}
        maxLength={maxLength}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
