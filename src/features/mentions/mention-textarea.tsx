'use client';

import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Textarea } from '@/components/ui/textarea';
import { MentionSuggestions, suggestionId } from './mention-suggestions';
import {
  filterMembers,
  insertMention,
  mentionQueryAt,
  toReadable,
  toStored,
  type MentionMember,
} from './mention-text';
import { useMentionMembers } from './use-mention-members';

type MentionTextareaProps = Omit<React.ComponentProps<'textarea'>, 'value' | 'onChange'> & {
  /** The text as stored, mentions as `<@id>`. */
  value: string;
  onChange: (stored: string) => void;
};

/**
 * A textarea where "@" and the start of a name or e-mail suggests members to mention.
 *
 * The form holds the stored text; the textarea shows it readable, each `<@id>` as "@Name", and
 * every keystroke is stored back by turning each member's "@Name" into their reference. Nothing
 * but the text itself is kept, so there is no map of picked names to fall out of step with undo,
 * cut and paste or editing an existing entry: the text alone round-trips. Members sharing a name
 * are written "@Name (e-mail)" so each reads back as one. Until the members are loaded the text
 * shows, and stays, as stored.
 */
export function MentionTextarea({
  value,
  onChange,
  onBlur,
  onKeyDown,
  ref,
  ...props
}: MentionTextareaProps) {
  const members = useMentionMembers();
  const known = members ?? NO_MEMBERS;
  const readable = useMemo(() => toReadable(value, known), [value, known]);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const nextCaret = useRef<number | null>(null);
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);

  const typed = caret === null ? null : mentionQueryAt(readable, caret);
  const suggestions =
    typed && typed.start !== dismissed ? filterMembers(known, typed.query) : NO_MEMBERS;
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  // A picked mention changes the text through the form; the caret goes after it once it shows.
  useLayoutEffect(() => {
    if (nextCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(nextCaret.current, nextCaret.current);
    nextCaret.current = null;
  });

  const pick = (member: MentionMember) => {
    if (!typed) return;
    const inserted = insertMention(readable, typed, member);
    nextCaret.current = inserted.caret;
    setCaret(inserted.caret);
    setDismissed(typed.start);
    onChange(toStored(inserted.text, known));
  };

  const keyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    onKeyDown?.(event);
    if (!open) return;
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      setActive((activeIndex + move + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      pick(suggestions[activeIndex]!);
    } else if (event.key === 'Escape') {
      setDismissed(typed!.start);
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div className="relative">
      <Textarea
        {...props}
        ref={(element) => {
          textarea.current = element;
          if (typeof ref === 'function') ref(element);
          else if (ref) ref.current = element;
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? suggestionId(listId, activeIndex) : undefined}
        value={readable}
        onChange={(event) => {
          setCaret(event.target.selectionStart);
          setDismissed(null);
          setActive(0);
          onChange(toStored(event.target.value, known));
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onBlur={(event) => {
          setCaret(null);
          onBlur?.(event);
        }}
        onKeyDown={keyDown}
      />
      {open ? (
        <MentionSuggestions
          id={listId}
          label="Members to mention"
          members={suggestions}
          active={activeIndex}
          onPick={pick}
        />
      ) : null}
    </div>
  );
}

const NO_MEMBERS: readonly MentionMember[] = [];
