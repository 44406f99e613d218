import { describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH, storableInputIssues } from './storable-input';

describe('storableInputIssues', () => {
  it('accepts JSON data, dates and undefined', () => {
    expect(
      storableInputIssues({
        name: 'Zoë 😀',
        tags: ['a', 'b'],
        count: 1.5,
        active: false,
        none: null,
        missing: undefined,
        at: new Date(0),
        nested: Object.assign(Object.create(null) as object, { ok: true }),
      }),
    ).toEqual([]);
  });

  it('names each value a JSON column would change or refuse', () => {
    expect(
      storableInputIssues({
        a: Number.NaN,
        b: Number.POSITIVE_INFINITY,
        c: 1n,
        d: new Map([['k', 'v']]),
        e: new Set([1]),
        f: /x/,
      }).map((issue) => issue.path),
    ).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f']]);
  });

  it(`counts the input itself as the first of ${MAX_INPUT_DEPTH} levels`, () => {
    const nested = (levels: number) => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i++) value = [value];
      return value;
    };
    expect(storableInputIssues(nested(MAX_INPUT_DEPTH))).toEqual([]);
    const issues = storableInputIssues(nested(MAX_INPUT_DEPTH + 1));
    expect(issues).toEqual([
      {
        path: Array.from({ length: MAX_INPUT_DEPTH }, () => 0),
        message: `must not nest more than ${MAX_INPUT_DEPTH} levels deep`,
      },
    ]);
  });

  it('walks a million levels without a stack, stopping at the limit', () => {
    const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(storableInputIssues(JSON.parse(text))).toHaveLength(1);
  });

  it('reports at most 20 issues', () => {
    const input = Array.from({ length: 100 }, () => '\u0000');
    expect(storableInputIssues(input)).toHaveLength(20);
    expect(storableInputIssues(input)[0]).toEqual({
      path: [0],
      message: 'must not contain the NUL character (U+0000)',
    });
  });
});
