import type { z } from 'zod';
import { IMPORT_FIELD_LABELS, type ImportField, type ImportKind } from '@/schemas/imports';

/** A problem of one row, in words: the field it is about ("row" for the whole row) and why. */
export interface RowProblem {
  /** The field's path, as "email", "address.city" or "row". */
  field: string;
  message: string;
}

/** How a field is named at the start of a sentence, where its column label would read badly. */
const SUBJECTS: Partial<Record<ImportKind, Partial<Record<ImportField, string>>>> = {
  customers: { email: 'E-mail' },
  companies: {},
  deals: { email: 'A person’s e-mail', owner: 'Owner e-mail' },
};

/** "email" → "E-mail", "address.city" → "City". */
export function fieldSubject(kind: ImportKind, field: string): string {
  const key = field.startsWith('address.') ? field.slice('address.'.length) : field;
  const subject = SUBJECTS[kind]?.[key as ImportField];
  if (subject) return subject;
  return Object.hasOwn(IMPORT_FIELD_LABELS, key) ? IMPORT_FIELD_LABELS[key as ImportField] : key;
}

/** A rule's own wording ("must be a domain such as example.com") as opposed to the library's. */
const isFragment = (message: string) => /^[a-z]/.test(message);

/**
 * A sentence from a field and a fragment of our rules: ("stage", "is not a stage of …") →
 * "Stage is not a stage of …".
 */
export function problemSentence(kind: ImportKind, field: string, fragment: string): string {
  if (field === 'row') return fragment[0]!.toUpperCase() + fragment.slice(1);
  return `${fieldSubject(kind, field)} ${fragment}`;
}

const listOf = (values: readonly unknown[]) => values.map(String).join(', ');

/** What a value must be, in words, for a type the library names ("string" → "text"). */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  date: 'a date',
  object: 'a group of values',
};

/** The part after the field's name: "is required", "must be one of lead, active". */
function fragmentOf(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined || value === null
        ? 'is required'
        : `must be ${TYPE_WORDS[issue.expected] ?? 'a valid value'}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of ${listOf(issue.values)}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'is not an e-mail address';
      if (isFragment(issue.message)) return issue.message;
      if (issue.format === 'url') return 'is not a web address';
      if (issue.format === 'date') return 'is not a date (write it as YYYY-MM-DD)';
      return 'is not in the right form';
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'is required';
      if (isFragment(issue.message)) return issue.message;
      if (issue.origin === 'string')
        return `must be at least ${String(issue.minimum)} characters long`;
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)}`;
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (isFragment(issue.message)) {
        return issue.origin === 'array' ? `can have ${issue.message}` : issue.message;
      }
      if (issue.origin === 'string')
        return `must be at most ${String(issue.maximum)} characters long`;
      if (issue.origin === 'array') return `can have at most ${String(issue.maximum)}`;
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_union': {
      // "Blank, or a valid domain": the branch that says what a non-blank value must be.
      const telling = issue.errors
        .flat()
        .find(
          (branch) =>
            branch.code !== 'invalid_type' &&
            !(branch.code === 'invalid_value' && branch.values.every((v) => v === '' || v == null)),
        );
      return telling ? fragmentOf(telling, value) : 'is not valid';
    }
    case 'unrecognized_keys':
      return `has columns that cannot be imported: ${listOf(issue.keys)}`;
    default:
      return isFragment(issue.message) ? issue.message : 'is not valid';
  }
}

/** The value at an issue's path in the input that was checked. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One issue of a row's check, as a sentence a person can act on: "Status must be one of lead,
 * active, inactive, churned", "E-mail is not an e-mail address". Never the library's wording.
 */
export function describeIssue(
  kind: ImportKind,
  issue: z.core.$ZodIssue,
  input: unknown,
): RowProblem {
  // A list's items are one field: "email.1" is about the e-mail column.
  const field =
    issue.code === 'unrecognized_keys'
      ? 'row'
      : issue.path
          .filter((key) => typeof key !== 'number')
          .map(String)
          .join('.') || 'row';
  const fragment = fragmentOf(issue, valueAt(input, issue.path));
  return {
    field,
    message: field === 'row' ? `The row ${fragment}` : problemSentence(kind, field, fragment),
  };
}

/** Every issue of a row's check, in words: the first problem of each field. */
export function describeIssues(
  kind: ImportKind,
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): RowProblem[] {
  const problems = new Map<string, RowProblem>();
  for (const issue of issues) {
    const problem = describeIssue(kind, issue, input);
    if (!problems.has(problem.field)) problems.set(problem.field, problem);
  }
  return [...problems.values()];
}
