'use client';

import { SearchIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { NavItem } from './main-nav';

// The palette (cmdk) loads when first opened, or when its button is pointed at or focused,
// not with every page.
const loadDialog = () => import('./command-palette-dialog');
const CommandPaletteDialog = dynamic(
  () => loadDialog().then((module) => module.CommandPaletteDialog),
  { ssr: false },
);

/** Ctrl/⌘-K: jump to a page or find a customer by name, e-mail or company. */
export function CommandPalette({ pages }: { pages: NavItem[] }) {
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setMounted(true);
        setOpen((wasOpen) => !wasOpen);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="text-muted-foreground"
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
        aria-keyshortcuts="Control+K Meta+K"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        <SearchIcon aria-hidden="true" />
        <span className="hidden lg:inline">Search…</span>
        <span className="sr-only lg:hidden">Search</span>
        <kbd className="hidden rounded border bg-muted px-1.5 font-mono text-[10px] lg:inline">
          Ctrl K
        </kbd>
      </Button>
      {mounted ? <CommandPaletteDialog pages={pages} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
