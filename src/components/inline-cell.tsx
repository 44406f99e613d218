'use client';

import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState } from 'react';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { TableCell } from '@/components/ui/table';
import { describeError, isStaleVersion, issuesOf } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { cn } from '@/lib/utils';
import { inlineKeyAction, stepIndex, type Step } from './inline-navigation';

// Loaded with the first conflict: most edits never meet one.
const InlineConflict = dynamic(
  () => import('./inline-conflict').then((module) => module.InlineConflict),
  { ssr: false },
);

/** How a value is typed in place: picked from options, or typed into an input of some type. */
export type InlineEditor =
  | { kind: 'select'; options: readonly { value: string; label: string }[] }
  | {
      kind: 'input';
      type?: 'text' | 'email' | 'date' | 'datetime-local';
      inputMode?: 'decimal';
    };

/** The change a draft makes to a record, or why it cannot be saved. */
export type InlineChange<TPatch> = { patch: TPatch } | { error: string };

/** One field of a record that a table lets people change in place. */
export interface InlineField<TRecord, TPatch> {
  /** What it is called in a sentence: "status", "expected close". */
  name: string;
  /** The value as the editor holds it. */
  draft: (record: TRecord) => string;
  /** The value as the table shows it, inside the cell's button: nothing to press in it. */
  show: (record: TRecord) => React.ReactNode;
  /** The value for those who may not change it, when it is more than `show` (a link). */
  readOnly?: (record: TRecord) => React.ReactNode;
  /** The value in words, for the cell's name and to say what changed; the draft when left out. */
  words?: (record: TRecord) => string;
  editor: InlineEditor;
  change: (draft: string, record: TRecord) => InlineChange<TPatch>;
}

/** How a table saves a change of a record, and reads the version someone else saved. */
export interface InlineSaving<TRecord, TPatch> {
  /** Saves `patch` unless the record is no longer at `expectedVersion` (then a stale-version error). */
  save: (record: TRecord, patch: TPatch, expectedVersion: number) => Promise<{ version: number }>;
  fetchLatest: (record: TRecord) => Promise<TRecord>;
}

type Mode<TRecord> =
  | { kind: 'view' }
  /**
   * `base`: the record as it was when editing began, whose version the save carries; `box`: the
   * size the value took, kept by the field so the table does not move.
   */
  | { kind: 'edit'; base: TRecord; draft: string; error?: string; box?: Box }
  | { kind: 'saving'; draft: string }
  /** Saved; the draft is shown until the list holds the saved version. */
  | { kind: 'saved'; draft: string; version: number }
  /** Someone else saved `theirs` meanwhile; the draft waits to be saved over it or dropped. */
  | { kind: 'conflict'; draft: string; theirs: TRecord };

interface Box {
  width: number;
  height: number;
}

const VIEW = { kind: 'view' } as const;

type EditMode<TRecord> = Extract<Mode<TRecord>, { kind: 'edit' }>;

/** Marks the cells of a table that can be edited in place, in the order Tab visits them. */
export const INLINE_CELL_ATTRIBUTE = 'data-inline-cell';

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The words for a draft: an option's label, the text typed, or "empty". */
function draftWords(editor: InlineEditor, draft: string): string {
  if (editor.kind === 'select') {
    return editor.options.find((option) => option.value === draft)?.label ?? draft;
  }
  return draft.trim() === '' ? 'empty' : draft.trim();
}

/**
 * A table cell whose value can be changed in place. It is a button named "Edit status of Ada
 * Lovelace": a click, Enter or Space turns it into a field, where Enter saves, Escape cancels
 * and Tab saves and goes on to the next editable cell of the table (Shift+Tab: the previous).
 * A save carries the version the table showed; when someone else saved meanwhile, the cell
 * says what they changed it to and keeps the value typed, to save it anyway or drop it.
 * Without `canEdit`, it is a plain cell.
 */
export function InlineCell<TRecord extends { version: number }, TPatch>({
  record,
  recordName,
  field,
  saving,
  canEdit,
  className,
}: {
  record: TRecord;
  /** Whose value it is: "Ada Lovelace". */
  recordName: string;
  field: InlineField<TRecord, TPatch>;
  saving: InlineSaving<TRecord, TPatch>;
  canEdit: boolean;
  className?: string;
}) {
  const [stored, setMode] = useState<Mode<TRecord>>(VIEW);
  const cellRef = useRef<HTMLTableCellElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLInputElement & HTMLSelectElement>(null);
  /** Set when a key already settled the edit, so the blur that follows does not save again. */
  const settled = useRef(false);
  /** Where focus goes once the mode changes: back to the cell's button, or into its field. */
  const focusNext = useRef<'button' | 'field' | null>(null);
  const errorId = useId();
  const shownId = useId();
  const actionId = useId();

  // Once the table holds the saved version, the cell shows the record again.
  const mode: Mode<TRecord> =
    stored.kind === 'saved' && record.version >= stored.version ? VIEW : stored;

  useEffect(() => {
    const target = focusNext.current;
    if (target === 'field' && fieldRef.current) {
      fieldRef.current.focus();
      if (fieldRef.current instanceof HTMLInputElement) fieldRef.current.select();
      focusNext.current = null;
    } else if (target === 'button' && buttonRef.current) {
      buttonRef.current.focus();
      focusNext.current = null;
    }
  }, [stored]);

  const words = field.words?.(record) ?? draftWords(field.editor, field.draft(record));
  if (!canEdit) {
    return <TableCell className={className}>{(field.readOnly ?? field.show)(record)}</TableCell>;
  }

  function startEditing() {
    if (mode.kind !== 'view') return;
    settled.current = false;
    focusNext.current = 'field';
    const button = buttonRef.current;
    const box = button ? { width: button.offsetWidth, height: button.offsetHeight } : undefined;
    setMode({ kind: 'edit', base: record, draft: field.draft(record), box });
  }

  function cancel() {
    focusNext.current = 'button';
    setMode(VIEW);
  }

  async function commit(draft: string, base: TRecord, focusAfter: 'button' | null) {
    const box = mode.kind === 'edit' ? mode.box : undefined;
    const change = field.change(draft, base);
    if ('error' in change) {
      // Back into the field, unless Tab or a click has taken focus elsewhere meanwhile.
      focusNext.current = focusAfter ? 'field' : null;
      settled.current = false;
      setMode({
        kind: 'edit',
        base,
        draft,
        box,
        error: `${sentenceCase(field.name)} ${change.error}`,
      });
      return;
    }
    focusNext.current = focusAfter;
    if (draft === field.draft(base)) {
      setMode(VIEW);
      return;
    }
    setMode({ kind: 'saving', draft });
    try {
      const saved = await saving.save(base, change.patch, base.version);
      setMode({ kind: 'saved', draft, version: saved.version });
    } catch (error) {
      if (isStaleVersion(error)) {
        try {
          setMode({ kind: 'conflict', draft, theirs: await saving.fetchLatest(base) });
        } catch (reloadError) {
          toast.error(describeError(reloadError));
          setMode(VIEW);
        }
        return;
      }
      const issue = issuesOf(error)[0];
      focusNext.current = focusAfter ? 'field' : null;
      settled.current = false;
      setMode({
        kind: 'edit',
        base,
        draft,
        box,
        error: issue ? `${sentenceCase(field.name)} ${issue.message}` : describeError(error),
      });
    }
  }

  /** Opens the editable cell one `step` away in the same table; false when there is none. */
  function editNeighbour(step: Step): boolean {
    const cells = [
      ...(cellRef.current?.closest('table')?.querySelectorAll(`[${INLINE_CELL_ATTRIBUTE}]`) ?? []),
    ];
    const next = stepIndex(cells.length, cells.indexOf(cellRef.current!), step);
    const button = next === undefined ? null : cells[next]!.querySelector('button');
    if (!button) return false;
    button.focus();
    button.click();
    return true;
  }

  function onFieldKeyDown(event: React.KeyboardEvent, { base, draft }: EditMode<TRecord>) {
    const key = inlineKeyAction(event.key, event.shiftKey);
    if (!key) return;
    event.preventDefault();
    event.stopPropagation();
    settled.current = true;
    if (key.action === 'cancel') return cancel();
    if (key.action === 'save') return void commit(draft, base, 'button');
    // Tab: this cell saves in the background while the next one opens.
    const moved = editNeighbour(key.step);
    void commit(draft, base, moved ? null : 'button');
  }

  function onFieldBlur({ base, draft }: EditMode<TRecord>) {
    if (settled.current) return;
    settled.current = true;
    void commit(draft, base, null);
  }

  const conflict = mode.kind === 'conflict' ? mode : null;
  const fieldLabel = `${sentenceCase(field.name)} of ${recordName}`;

  return (
    <>
      <TableCell
        ref={cellRef}
        {...{ [INLINE_CELL_ATTRIBUTE]: '' }}
        // Named by its value alone, so the row's other cells are not found by the record's name.
        aria-label={words}
        // The words of a time are in the browser's time zone: the server's render may differ.
        suppressHydrationWarning
        className={cn('relative', className)}
      >
        {mode.kind === 'edit' ? (
          <div
            className="-mx-2 flex min-w-24 items-center"
            style={mode.box ? { width: mode.box.width, minHeight: mode.box.height } : undefined}
          >
            {field.editor.kind === 'select' ? (
              <NativeSelect
                ref={fieldRef}
                aria-label={fieldLabel}
                aria-invalid={mode.error ? true : undefined}
                aria-describedby={mode.error ? errorId : undefined}
                className="w-full [&_select]:h-8"
                value={mode.draft}
                onChange={(event) =>
                  setMode({ ...mode, draft: event.target.value, error: undefined })
                }
                onKeyDown={(event) => onFieldKeyDown(event, mode)}
                onFocus={() => (settled.current = false)}
                onBlur={() => onFieldBlur(mode)}
              >
                {field.editor.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
            ) : (
              <Input
                ref={fieldRef}
                type={field.editor.type ?? 'text'}
                inputMode={field.editor.inputMode}
                aria-label={fieldLabel}
                aria-invalid={mode.error ? true : undefined}
                aria-describedby={mode.error ? errorId : undefined}
                autoComplete="off"
                // A width of its own would widen the column: the cell's width decides.
                size={1}
                className="h-8 w-full px-2"
                value={mode.draft}
                onChange={(event) =>
                  setMode({ ...mode, draft: event.target.value, error: undefined })
                }
                onKeyDown={(event) => onFieldKeyDown(event, mode)}
                onFocus={() => (settled.current = false)}
                onBlur={() => onFieldBlur(mode)}
              />
            )}
          </div>
        ) : (
          <>
            {/* Named by what it shows, then what it does: "Lead, edit status of Ada Lovelace". */}
            <button
              ref={buttonRef}
              type="button"
              aria-labelledby={`${shownId} ${actionId}`}
              aria-busy={mode.kind === 'saving' ? true : undefined}
              className="-mx-2 flex min-h-8 w-[calc(100%+1rem)] min-w-24 cursor-text items-center rounded-md px-2 text-left outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50"
              onClick={startEditing}
            >
              <span id={shownId} className="contents">
                {mode.kind === 'view' || mode.kind === 'conflict' ? (
                  field.show(record)
                ) : (
                  <span
                    className={cn('truncate', mode.kind === 'saving' && 'text-muted-foreground')}
                  >
                    {draftWords(field.editor, mode.draft)}
                  </span>
                )}
              </span>
            </button>
            <span id={actionId} className="sr-only">
              {`, edit ${field.name} of ${recordName}`}
            </span>
          </>
        )}
        {mode.kind === 'edit' && mode.error ? (
          // Floats over the row below, so the table does not move.
          <p
            id={errorId}
            role="alert"
            className="absolute top-full left-0 z-10 max-w-xs rounded-md border bg-popover px-2 py-1 text-xs whitespace-normal text-destructive shadow-md"
          >
            {mode.error}
          </p>
        ) : null}
        {mode.kind === 'saving' ? <span className="sr-only">Saving…</span> : null}
      </TableCell>
      {conflict ? (
        <InlineConflict
          anchor={cellRef}
          title={`Someone else changed the ${field.name} of ${recordName} meanwhile`}
          theirs={
            field.words?.(conflict.theirs) ?? draftWords(field.editor, field.draft(conflict.theirs))
          }
          yours={draftWords(field.editor, conflict.draft)}
          onKeepTheirs={cancel}
          onSaveMine={() => void commit(conflict.draft, conflict.theirs, 'button')}
          returnFocus={buttonRef}
        />
      ) : null}
    </>
  );
}
