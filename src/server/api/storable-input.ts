import { AppError, type FieldIssue } from '@/server/errors';

/** Levels of lists and objects an input may nest, counting the input itself. */
export const MAX_INPUT_DEPTH = 32;
/** Issues reported at most for one input; the rest go unnamed. */
const MAX_ISSUES = 20;

const NUL = 'must not contain the NUL character (U+0000)';
const SURROGATE = 'must be valid Unicode (it has an unpaired surrogate)';
// With the u flag a surrogate pair is one code point: only an unpaired half matches.
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;
const NOT_JSON = 'must be text, a finite number, true, false, null, a list or an object';

/**
 * What would stop an input from being stored as it was sent: PostgreSQL cannot store the NUL
 * character, an unpaired surrogate would become U+FFFD on its way to the database, a NaN in
 * JSON becomes null, and nesting deeper than MAX_INPUT_DEPTH would exhaust the stack of what
 * walks it recursively (superjson, JSON.stringify, the idempotency hash, PostgreSQL's jsonb).
 * Field names count as text too. The walk is iterative, so no input is too deep for it.
 */
export function storableInputIssues(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const { value, path } = pending.pop()!;
    const members = membersOf(value);
    if (!members) {
      const problem = problemOf(value);
      if (problem) issues.push({ path, message: problem });
      continue;
    }
    if (path.length >= MAX_INPUT_DEPTH) {
      issues.push({ path, message: `must not nest more than ${MAX_INPUT_DEPTH} levels deep` });
      continue;
    }
    // Pushed last to first, so issues come out in the order of the input.
    for (let i = members.length - 1; i >= 0; i--) {
      const [key, member] = members[i]!;
      const keyProblem = typeof key === 'string' ? textProblem(key) : undefined;
      if (keyProblem) issues.push({ path: [...path, key], message: `its name ${keyProblem}` });
      else pending.push({ value: member, path: [...path, key] });
    }
  }
  return issues;
}

/** Refuses (400, each field named) an input that storableInputIssues finds fault with. */
export function assertStorableInput(input: unknown): void {
  const issues = storableInputIssues(input);
  if (issues.length > 0) throw new AppError('BAD_REQUEST', 'Input validation failed', { issues });
}

/** What is wrong with a value that is not a list or a plain object, if anything. */
function problemOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return textProblem(value);
    case 'number':
      return Number.isFinite(value) ? undefined : NOT_JSON;
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'object':
      return value === null || value instanceof Date ? undefined : NOT_JSON;
    default:
      return NOT_JSON;
  }
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return NUL;
  if (UNPAIRED_SURROGATE.test(text)) return SURROGATE;
  return undefined;
}

/** The entries of a list or a plain object; undefined for anything else. */
function membersOf(value: unknown): [string | number, unknown][] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  return Object.entries(value);
}
