import { cn } from '@/lib/utils';
import type { MentionMember } from './mention-text';

/** The id of a suggestion's element, for the textarea's aria-activedescendant. */
export const suggestionId = (listId: string, index: number) => `${listId}-${String(index)}`;

/**
 * The members a typed mention may mean, under the textarea. Focus stays in the textarea (a press
 * here does not take it), which tells screen readers the active one through
 * aria-activedescendant.
 */
export function MentionSuggestions({
  id,
  label,
  members,
  active,
  onPick,
}: {
  id: string;
  label: string;
  members: readonly MentionMember[];
  active: number;
  onPick: (member: MentionMember) => void;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={label}
      className="absolute inset-x-0 top-full z-50 mt-1 max-h-64 overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
    >
      {members.map((member, index) => (
        <li
          key={member.id}
          id={suggestionId(id, index)}
          role="option"
          aria-selected={index === active}
          className={cn(
            'flex cursor-default flex-col rounded-sm px-2 py-1.5 text-sm select-none',
            index === active && 'bg-accent text-accent-foreground',
          )}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(member)}
        >
          <span>{member.name}</span>
          <span className="text-xs text-muted-foreground">{member.email}</span>
        </li>
      ))}
    </ul>
  );
}
