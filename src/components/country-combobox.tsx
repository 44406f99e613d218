'use client';

import { useEffect, useId, useRef, useState } from 'react';
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
} from 'react-hook-form';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { countryName, searchCountries, type Country } from '@/lib/countries';
import { cn } from '@/lib/utils';

/**
 * A labelled box that finds a country by its name or its two-letter code and holds the code
 * ("PT"), showing the name ("Portugal"). Arrows walk the matches, Enter or a click picks one,
 * Escape puts back what was there. Emptying the box clears the country.
 */
export function CountryCombobox({
  label,
  value,
  onChange,
  hint,
  error,
  onBlur,
}: {
  label: string;
  /** The two-letter code, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  hint?: string;
  error?: string;
  onBlur?: () => void;
}) {
  const inputId = useId();
  const listId = `${inputId}-list`;
  const listRef = useRef<HTMLUListElement>(null);
  const shownName = value ? countryName(value) : '';
  // What is typed while searching; null while the box shows the chosen country's name.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = open ? searchCountries(typed ?? '') : [];
  const shown = open && matches.length > 0;
  const activeOption = shown ? matches[active] : undefined;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;

  useEffect(() => {
    if (active < 0) return;
    listRef.current
      ?.querySelector(`#${CSS.escape(`${listId}-${active}`)}`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  function pick(country: Country) {
    onChange(country.code);
    setTyped(null);
    setOpen(false);
    setActive(-1);
  }

  /** Leaving the box: a typed name or code that is a country is kept, an empty box clears. */
  function settle() {
    if (typed !== null) {
      const text = typed.trim().toLowerCase();
      const exact = searchCountries(typed).find(
        (country) => country.code.toLowerCase() === text || country.name.toLowerCase() === text,
      );
      if (text === '') onChange('');
      else if (exact) onChange(exact.code);
    }
    setTyped(null);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const count = open ? matches.length : searchCountries(typed ?? '').length;
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + count) % count);
    } else if (event.key === 'Enter' && shown && (activeOption || typed)) {
      // Picks the highlighted country, or the best match of what was typed; the form is not sent.
      event.preventDefault();
      pick(activeOption ?? matches[0]!);
    } else if (event.key === 'Escape' && (shown || typed !== null)) {
      // Closes the list and puts back the country, not the dialog around them.
      event.preventDefault();
      event.stopPropagation();
      setTyped(null);
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="grid gap-2">
      <Label htmlFor={inputId}>{label}</Label>
      {/* The list floats over what follows, so opening and closing it moves nothing. */}
      <div className="relative">
        <Input
          id={inputId}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          // Escape then takes back what was typed, even with no country listed, not the dialog.
          data-keeps-escape={shown || typed !== null ? true : undefined}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          placeholder="Search by name or code"
          value={typed ?? shownName}
          onChange={(event) => {
            setTyped(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => {
            settle();
            onBlur?.();
          }}
          onKeyDown={onKeyDown}
        />
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label="Countries"
          hidden={!shown}
          className="absolute inset-x-0 top-full z-50 mt-1 max-h-60 overflow-y-auto rounded-md border bg-popover p-1 text-sm text-popover-foreground shadow-md"
        >
          {matches.map((country, index) => (
            <li
              key={country.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={cn(
                'flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5',
                country.code === value && 'font-medium',
                index === active ? 'bg-accent text-accent-foreground' : 'hover:bg-accent/60',
              )}
              // Keeps focus in the box, so picking does not count as leaving it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(country)}
            >
              <span className="truncate">{country.name}</span>
              <span className="ml-auto text-xs text-muted-foreground">{country.code}</span>
            </li>
          ))}
        </ul>
        {open && typed && matches.length === 0 ? (
          <p className="absolute inset-x-0 top-full z-50 mt-1 rounded-md border bg-popover px-3 py-1.5 text-sm text-muted-foreground shadow-md">
            No country matches.
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

/** A form's country, held as its two-letter code ('' for none), picked from the list. */
export function FormCountryField<
  T extends FieldValues,
  O,
  N extends FieldPathByValue<T, string | undefined>,
>({
  control,
  name,
  label = 'Country',
  hint,
}: {
  control: Control<T, unknown, O>;
  name: N;
  label?: string;
  hint?: string;
}) {
  const { field, fieldState } = useController({ control, name });
  return (
    <CountryCombobox
      label={label}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      hint={hint}
      error={fieldState.error?.message}
    />
  );
}
