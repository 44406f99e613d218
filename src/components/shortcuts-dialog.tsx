'use client';

import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { useCommandKeyLabel } from '@/lib/use-platform-keys';

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      {keys.map((key) => (
        <kbd key={key} className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs">
          {key}
        </kbd>
      ))}
    </span>
  );
}

/** Every keyboard shortcut of the app, opened with "?". */
export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const commandKey = useCommandKeyLabel();
  const groups = [
    {
      id: 'shortcuts-anywhere',
      heading: 'Anywhere',
      shortcuts: [
        { keys: [commandKey, 'K'], does: 'Search everything, or do something' },
        { keys: ['/'], does: 'Search the list on this page' },
        { keys: ['?'], does: 'Show these shortcuts' },
      ],
    },
    {
      id: 'shortcuts-search-box',
      heading: 'In the search box',
      shortcuts: [
        { keys: ['↑', '↓'], does: 'Move through the results' },
        { keys: ['Enter'], does: 'Open the result, or do the action' },
        { keys: ['Backspace'], does: 'Back from a list of choices (when the box is empty)' },
        { keys: ['Esc'], does: 'Close' },
      ],
    },
    {
      id: 'shortcuts-lists',
      heading: 'In a list',
      shortcuts: [
        { keys: ['Enter'], does: 'Edit the focused cell' },
        { keys: ['Tab'], does: 'Save the cell and edit the next one' },
        { keys: ['Esc'], does: 'Cancel the edit, or close the open record' },
        { keys: ['J', 'K'], does: 'Next or previous record in the open panel' },
      ],
    },
  ];

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Work faster without the mouse.</DialogDescription>
        </DialogHeader>
        {groups.map((group) => (
          <section key={group.heading} aria-labelledby={group.id}>
            <h3 id={group.id} className="mb-2 text-sm font-medium text-muted-foreground">
              {group.heading}
            </h3>
            <dl className="grid gap-2">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.does} className="flex items-center justify-between gap-4">
                  <dt className="text-sm">{shortcut.does}</dt>
                  <dd>
                    <Keys keys={shortcut.keys} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </DialogContent>
    </Dialog>
  );
}
