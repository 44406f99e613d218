'use client';

import { SearchIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { typingInField } from '@/lib/typing-in-field';
import { useOpenOnce } from '@/lib/use-open-once';
import { useCommandKeyLabel } from '@/lib/use-platform-keys';
import type { NavItem } from './main-nav';

// The palette (cmdk) and the list of shortcuts load when first wanted, or when the palette's
// button is pointed at or focused, not with every page.
const loadDialog = () => import('./command-palette-dialog');
const CommandPaletteDialog = dynamic(
  () => loadDialog().then((module) => module.CommandPaletteDialog),
  { ssr: false },
);
const ShortcutsDialog = dynamic(
  () => import('./shortcuts-dialog').then((module) => module.ShortcutsDialog),
  { ssr: false },
);

const anyDialogOpen = () =>
  document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;

/** How long keys typed ahead wait for the palette's code before going to the page again. */
const TYPED_AHEAD_MAX_MS = 10_000;

/**
 * The keys typed from the moment the palette is asked for until its search box has focus (its
 * code may still be loading), so that "⌘K rafa" typed in one go searches for "rafa".
 */
function useKeysTypedAhead(onEscape: () => void) {
  const buffering = useRef(false);
  const typed = useRef('');
  const giveUp = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!buffering.current || event.defaultPrevented) return;
      if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
      if (event.key.length === 1) typed.current += event.key;
      else if (event.key === 'Backspace') typed.current = typed.current.slice(0, -1);
      else if (event.key === 'Escape') {
        buffering.current = false;
        typed.current = '';
        onEscape();
      } else return;
      event.preventDefault();
      event.stopPropagation();
    }
    // Capturing, so that nothing on the page sees (or acts on) a key meant for the palette.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onEscape]);

  return useMemo(() => {
    const stop = () => {
      clearTimeout(giveUp.current);
      buffering.current = false;
      typed.current = '';
    };
    return {
      start: () => {
        buffering.current = true;
        typed.current = '';
        // If the palette's code never comes (offline, a new version deployed meanwhile), the
        // page gets its keys back rather than swallowing them.
        clearTimeout(giveUp.current);
        giveUp.current = setTimeout(stop, TYPED_AHEAD_MAX_MS);
        loadDialog().catch(stop);
      },
      stop,
      /** The keys typed so far; from now on the search box takes them itself. */
      take: () => {
        const keys = typed.current;
        stop();
        return keys;
      },
    };
  }, []);
}

/**
 * Ctrl/⌘-K: find any record (customers, companies, deals, orders by number, tasks), go to a page
 * or do something. "/" searches the list on the page, "?" lists the shortcuts.
 */
export function CommandPalette({ pages }: { pages: NavItem[] }) {
  const palette = useOpenOnce();
  const shortcuts = useOpenOnce();
  const { setOpen: setPaletteOpen } = palette;
  const { setOpen: setShortcutsOpen } = shortcuts;
  // Escape before the palette has come: it does not come.
  const typedAhead = useKeysTypedAhead(useCallback(() => setPaletteOpen(false), [setPaletteOpen]));
  const commandKey = useCommandKeyLabel();

  const openPalette = useCallback(
    (next: boolean) => {
      if (next) typedAhead.start();
      else typedAhead.stop();
      setPaletteOpen(next);
    },
    [setPaletteOpen, typedAhead],
  );
  const paletteOpen = useRef(false);
  useEffect(() => {
    paletteOpen.current = palette.open;
  }, [palette.open]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        void loadDialog();
        openPalette(!paletteOpen.current);
        return;
      }
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (typingInField(event.target) || anyDialogOpen()) return;
      if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-page-search]');
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
      } else if (event.key === '?') {
        event.preventDefault();
        setShortcutsOpen(true);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openPalette, setShortcutsOpen]);

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="text-muted-foreground"
        onClick={() => openPalette(true)}
        aria-keyshortcuts="Control+K Meta+K"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        <SearchIcon aria-hidden="true" />
        <span className="hidden lg:inline">Search…</span>
        <span className="sr-only lg:hidden">Search</span>
        <kbd className="hidden min-w-11 rounded border bg-muted px-1.5 text-center font-mono text-[10px] lg:inline">
          {commandKey} K
        </kbd>
      </Button>
      {palette.mounted ? (
        <CommandPaletteDialog
          pages={pages}
          open={palette.open}
          onOpenChange={openPalette}
          takeKeysTypedAhead={typedAhead.take}
          onShowShortcuts={() => setShortcutsOpen(true)}
        />
      ) : null}
      {shortcuts.mounted ? (
        <ShortcutsDialog open={shortcuts.open} onOpenChange={setShortcutsOpen} />
      ) : null}
    </>
  );
}
