'use client';

import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

/**
 * A menu of checkboxes under a heading, opened by `trigger` (a button). It stays open while
 * they are switched, so several can be in one go; `children` are items after them.
 */
export function ChecklistMenu<T extends string>({
  trigger,
  heading,
  separated = false,
  align = 'start',
  options,
  labelOf,
  isChecked,
  onCheckedChange,
  children,
}: {
  trigger: React.ReactNode;
  heading: string;
  /** A line between the heading and the checkboxes. */
  separated?: boolean;
  align?: 'start' | 'end';
  options: readonly T[];
  labelOf: (option: T) => string;
  isChecked: (option: T) => boolean;
  onCheckedChange: (option: T, checked: boolean) => void;
  children?: React.ReactNode;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align={align}>
        <DropdownMenuLabel>{heading}</DropdownMenuLabel>
        {separated ? <DropdownMenuSeparator /> : null}
        {options.map((option) => (
          <DropdownMenuCheckboxItem
            key={option}
            checked={isChecked(option)}
            onCheckedChange={(checked) => onCheckedChange(option, checked === true)}
            onSelect={(event) => event.preventDefault()}
          >
            {labelOf(option)}
          </DropdownMenuCheckboxItem>
        ))}
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
