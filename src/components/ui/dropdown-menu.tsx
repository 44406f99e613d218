'use client';

import * as React from 'react';
import { Slot } from 'radix-ui';
import type * as PartsModule from './dropdown-menu-parts';

/**
 * shadcn's dropdown menu, with Radix (its positioning, focus and dismissal code: about a sixth
 * of a page's JavaScript) loaded when a menu is first used rather than with every page. Until
 * then a trigger is the plain button it wraps; pressing it, or Enter, Space or ArrowDown on it,
 * loads Radix and opens the menu. Pointing at or focusing a trigger starts the download early.
 * The components and their props are Radix's own (see ./dropdown-menu-parts).
 */
type Parts = typeof PartsModule;

const loadParts = () => import('./dropdown-menu-parts');
const LoadedParts = React.createContext<Parts | null>(null);
const Activate = React.createContext<(() => void) | null>(null);

const LoadedRoot = React.lazy(async () => {
  const parts = await loadParts();
  function Root(props: React.ComponentProps<Parts['DropdownMenu']>) {
    return (
      <LoadedParts.Provider value={parts}>
        <parts.DropdownMenu defaultOpen {...props} />
      </LoadedParts.Provider>
    );
  }
  return { default: Root };
});

type RootProps = Omit<
  React.ComponentProps<Parts['DropdownMenu']>,
  'open' | 'defaultOpen' | 'onOpenChange'
> & { onOpenChange?: (open: boolean) => void };

function DropdownMenu({ children, ...props }: RootProps) {
  const [used, setUsed] = React.useState(false);
  const idle = <Activate.Provider value={() => setUsed(true)}>{children}</Activate.Provider>;
  if (!used) return idle;
  return (
    <React.Suspense fallback={idle}>
      <LoadedRoot {...props}>{children}</LoadedRoot>
    </React.Suspense>
  );
}

const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

function DropdownMenuTrigger(props: React.ComponentProps<Parts['DropdownMenuTrigger']>) {
  const parts = React.useContext(LoadedParts);
  const activate = React.useContext(Activate);
  if (parts) return <parts.DropdownMenuTrigger {...props} />;
  const { asChild, ...rest } = props;
  const Comp = asChild ? Slot.Root : 'button';
  return (
    <Comp
      type={asChild ? undefined : 'button'}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      {...rest}
      onPointerEnter={() => void loadParts()}
      onFocus={() => void loadParts()}
      onPointerDown={(event: React.PointerEvent<HTMLButtonElement>) => {
        if (event.button === 0 && !event.ctrlKey) activate?.();
      }}
      onKeyDown={(event: React.KeyboardEvent<HTMLButtonElement>) => {
        if (OPENING_KEYS.has(event.key)) {
          event.preventDefault();
          activate?.();
        }
      }}
    />
  );
}

/** A part that only exists inside an open menu, hence only once Radix has loaded. */
function loaded<K extends keyof Parts>(name: K) {
  function Part(props: React.ComponentProps<Parts[K]>) {
    const parts = React.useContext(LoadedParts);
    if (!parts) return null;
    return React.createElement(parts[name] as React.ElementType, props);
  }
  Part.displayName = name;
  return Part;
}

const DropdownMenuContent = loaded('DropdownMenuContent');
const DropdownMenuGroup = loaded('DropdownMenuGroup');
const DropdownMenuItem = loaded('DropdownMenuItem');
const DropdownMenuCheckboxItem = loaded('DropdownMenuCheckboxItem');
const DropdownMenuRadioGroup = loaded('DropdownMenuRadioGroup');
const DropdownMenuRadioItem = loaded('DropdownMenuRadioItem');
const DropdownMenuLabel = loaded('DropdownMenuLabel');
const DropdownMenuSeparator = loaded('DropdownMenuSeparator');

export {
  DropdownMenu,
  DropdownMenuTrigger,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuCheckboxItem,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
};
