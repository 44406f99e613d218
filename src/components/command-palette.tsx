'use client';

import { SearchIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';
import type { NavItem } from './main-nav';

// The palette (cmdk) loads when first opened, or when its button is pointed at or focused,
// not with every page.
const loadDialog = () => import('./command-palette-dialog');
const CommandPaletteDialog = dynamic(
  () => loadDialog().then((module) => module.CommandPaletteDialog),
  { ssr: false },
);

/** Ctrl/⌘-K: jump to a page, or find a customer (by name, e-mail or company), a company or a deal. */
export function CommandPalette({ pages }: { pages: NavItem[] }) {
  const { open, mounted, setOpen } = useOpenOnce();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setOpen((wasOpen) => !wasOpen);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [setOpen]);

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="text-muted-foreground"
        onClick={() => setOpen(true)}
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
