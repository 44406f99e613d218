'use client';

import { useId, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

export interface ComboboxOption {
  id: string;
  label: string;
  /** Shown after the label, quieter: a domain, an e-mail address. */
  hint?: string;
}

/**
 * A labelled text box that suggests matches as it is typed (the caller searches): arrows walk
 * the suggestions, Enter or a click picks one, Escape closes them. What was typed stays the
 * value until a suggestion is picked, so the text itself can be used too (a new name).
 */
export function SearchCombobox({
  label,
  value,
  onValueChange,
  options,
  onPick,
  searching = false,
  emptyText = 'Nothing matches.',
  placeholder,
  hint,
  error,
  name,
  inputRef,
  onBlur,
  autoFocus,
}: {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: ComboboxOption[];
  onPick: (option: ComboboxOption) => void;
  /** The search for the current text is still running. */
  searching?: boolean;
  emptyText?: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  name?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  onBlur?: () => void;
  autoFocus?: boolean;
}) {
  const inputId = useId();
  const listId = `${inputId}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && value.trim() !== '';
  const activeOption = shown ? options[active] : undefined;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;

  function pick(option: ComboboxOption) {
    onPick(option);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter' && activeOption) {
      event.preventDefault();
      pick(activeOption);
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
      {/* The suggestions float over what follows, so opening and closing them moves nothing. */}
      <div className="relative">
        <Input
          id={inputId}
          ref={inputRef}
          name={name}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown && options.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={placeholder}
          value={value}
          onChange={(event) => {
            onValueChange(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            onBlur?.();
          }}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Suggestions"
          hidden={!shown || options.length === 0}
          className="absolute inset-x-0 top-full z-50 mt-1 max-h-60 overflow-y-auto rounded-md border bg-popover p-1 text-sm text-popover-foreground shadow-md"
        >
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={cn(
                'flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5',
                index === active ? 'bg-accent text-accent-foreground' : 'hover:bg-accent/60',
              )}
              // Keeps focus in the box, so picking does not count as leaving it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
            >
              <span className="truncate">{option.label}</span>
              {option.hint ? (
                <span className="ml-auto truncate text-xs text-muted-foreground">
                  {option.hint}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {shown && options.length === 0 ? (
          <p className="absolute inset-x-0 top-full z-50 mt-1 rounded-md border bg-popover px-3 py-1.5 text-sm text-muted-foreground shadow-md">
            {searching ? 'Searching…' : emptyText}
          </p>
        ) : null}
      </div>
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
