'use client';

import { XIcon } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
} from 'react-hook-form';
import { Badge } from '@/components/ui/badge';
import { Label } from '@/components/ui/label';
import { addTags, joinTags, splitTags, suggestTags } from '@/lib/tag-entry';
import { cn } from '@/lib/utils';
import { MAX_TAG_LENGTH, MAX_TAGS } from '@/schemas/customer-constants';
import { api } from '@/trpc/react';

/**
 * A labelled box of tags: each chosen tag is a chip with a remove button; Enter or a comma adds
 * what was typed, Backspace in the empty box removes the last tag, arrows walk the suggestions
 * (the tags already in use), Escape closes them. Leaving the box keeps what was typed as a tag.
 */
export function TagInput({
  label,
  value,
  onChange,
  suggestions = [],
  max = MAX_TAGS,
  hint,
  error,
  onBlur,
}: {
  label: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  /** Tags in use elsewhere, the most used first. */
  suggestions?: readonly string[];
  max?: number;
  hint?: string;
  error?: string;
  onBlur?: () => void;
}) {
  const inputId = useId();
  const listId = `${inputId}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const full = value.length >= max;
  const options = full ? [] : suggestTags(suggestions, value, text);
  const shown = open && options.length > 0;
  const activeOption = shown ? options[active] : undefined;
  const describedBy =
    [error ? `${inputId}-error` : hint ? `${inputId}-hint` : null, `${inputId}-count`]
      .filter(Boolean)
      .join(' ') || undefined;

  function add(typed: string) {
    const next = addTags(value, typed, suggestions, max);
    const added = next.slice(value.length);
    if (added.length > 0) {
      onChange(next);
      setAnnouncement(`Added ${added.join(', ')}.`);
    }
    setText('');
    setActive(-1);
  }

  function remove(tag: string) {
    onChange(value.filter((item) => item !== tag));
    setAnnouncement(`Removed ${tag}.`);
    inputRef.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === ',') {
      // Enter adds what was typed rather than sending the form; in an empty box it sends it.
      if (event.key === 'Enter' && !activeOption && text.trim() === '') return;
      event.preventDefault();
      add(activeOption ?? text);
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      event.preventDefault();
      remove(value[value.length - 1]!);
    } else if (event.key === 'Escape' && shown) {
      // Closes the suggestions only, not the dialog around them.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className="grid gap-2">
      <Label htmlFor={inputId}>{label}</Label>
      <div className="relative">
        <div
          className={cn(
            'flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border border-input bg-transparent px-2 py-1 shadow-xs transition-[color,box-shadow] dark:bg-input/30',
            'focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50',
            error && 'border-destructive ring-destructive/20',
          )}
          // A click on the box's empty space goes to the text box, as in a plain input.
          onClick={(event) => {
            if (event.target === event.currentTarget) inputRef.current?.focus();
          }}
        >
          {value.length > 0 ? (
            <ul className="flex flex-wrap gap-1" aria-label={`${label} chosen`}>
              {value.map((tag) => (
                <li key={tag}>
                  <Badge variant="secondary" className="gap-0.5 py-0 pr-0.5">
                    {tag}
                    <button
                      type="button"
                      className="rounded-sm p-0.5 text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
                      aria-label={`Remove ${tag}`}
                      onClick={() => remove(tag)}
                    >
                      <XIcon className="size-3" aria-hidden="true" />
                    </button>
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            id={inputId}
            ref={inputRef}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            maxLength={MAX_TAG_LENGTH}
            // Read-only rather than disabled when full, so focus stays here as the last tag goes in.
            readOnly={full}
            aria-readonly={full || undefined}
            placeholder={full ? undefined : value.length === 0 ? 'Add a tag…' : 'Add another…'}
            className="h-7 min-w-24 flex-1 bg-transparent px-1 text-base outline-none placeholder:text-muted-foreground read-only:cursor-not-allowed md:text-sm"
            value={text}
            onChange={(event) => {
              const typed = event.target.value;
              // A comma typed or pasted ends a tag; what follows the last one is still typed.
              if (typed.includes(',')) {
                const end = typed.lastIndexOf(',');
                add(typed.slice(0, end));
                setText(typed.slice(end + 1).trimStart());
              } else {
                setText(typed);
                setActive(-1);
              }
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              if (text.trim() !== '') add(text);
              onBlur?.();
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label} in use`}
          hidden={!shown}
          className="absolute inset-x-0 top-full z-50 mt-1 max-h-60 overflow-y-auto rounded-md border bg-popover p-1 text-sm text-popover-foreground shadow-md"
        >
          {options.map((option, index) => (
            <li
              key={option}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={cn(
                'cursor-default truncate rounded-sm px-2 py-1.5',
                index === active ? 'bg-accent text-accent-foreground' : 'hover:bg-accent/60',
              )}
              // Keeps focus in the box, so picking does not count as leaving it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(option)}
            >
              {option}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${inputId}-count`} className="sr-only">
        {value.length === 0 ? 'No tags yet.' : `${value.length} of at most ${max} tags.`}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {hint && !error ? (
        <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The tags of a form that holds them as one line ("vip, eu"), as a TagInput suggesting the
 * organization's tags in use.
 */
export function FormTagsField<
  T extends FieldValues,
  O,
  N extends FieldPathByValue<T, string | undefined>,
>({
  control,
  name,
  label = 'Tags',
  hint = 'Press Enter or type a comma after each tag.',
}: {
  control: Control<T, unknown, O>;
  name: N;
  label?: string;
  hint?: string;
}) {
  const { field, fieldState } = useController({ control, name });
  // Asked again each time a tag box opens, so tags just added elsewhere are suggested.
  const inUse = api.tags.list.useQuery(undefined, { staleTime: 0 });
  return (
    <TagInput
      label={label}
      value={splitTags(typeof field.value === 'string' ? field.value : '')}
      onChange={(tags) => field.onChange(joinTags(tags))}
      onBlur={field.onBlur}
      suggestions={inUse.data?.map((use) => use.tag) ?? []}
      hint={hint}
      error={fieldState.error?.message}
    />
  );
}
