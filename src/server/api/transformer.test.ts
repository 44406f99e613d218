import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { transformer } from './transformer';

const customerPage = {
  items: Array.from({ length: 3 }, (_, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    firstName: 'Ada',
    phone: null,
    tags: ['vip', 'north'],
    address: { city: 'Leeds', lines: ['1 Main St', undefined] },
    metadata: { 'plan.tier': 'gold', 'back\\slash': new Date(Date.UTC(2026, 0, i + 1)) },
    version: i + 1,
    ratio: 0.5,
    active: true,
    deletedAt: undefined,
    createdAt: new Date(Date.UTC(2026, 10, 22, 7, i)),
  })),
  nextCursor: null,
  total: { count: 10_000, capped: true },
};

describe('transformer', () => {
  it.each([
    ['a page of customers with dates, undefined and dotted keys', customerPage],
    ['plain JSON without annotations', { a: 1, b: ['x', { c: null }], d: false }],
    ['an array at the top', [new Date(0), undefined, 'x']],
    ['an empty object', {}],
    ['a string', 'text'],
    ['null', null],
  ])('writes exactly what superjson writes for %s', (_name, value) => {
    expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
  });

  it.each([
    ['a Map', { m: new Map([['a', 1]]) }],
    ['a bigint', { n: 10n }],
    ['NaN and -0', { a: Number.NaN, b: -0 }],
    ['an invalid date', { d: new Date('nope') }],
    ['a class instance', { u: new URL('https://example.com/') }],
    ['a date at the top', new Date(0)],
    ['undefined at the top', undefined],
  ])('hands %s to superjson itself', (_name, value) => {
    expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
  });

  it('round-trips through superjson on the client, dates as dates', () => {
    const wire = JSON.parse(JSON.stringify(transformer.serialize(customerPage))) as ReturnType<
      typeof superjson.serialize
    >;
    const back = superjson.deserialize<typeof customerPage>(wire);
    expect(back).toEqual(customerPage);
    expect(back.items[0]!.createdAt).toBeInstanceOf(Date);
    expect('deletedAt' in back.items[0]!).toBe(true);
  });

  it('copies an object that appears twice instead of sharing it', () => {
    const shared = { x: 1 };
    const back = superjson.deserialize<{ p: object; q: object }>(
      transformer.serialize({ p: shared, q: shared }),
    );
    expect(back).toEqual({ p: { x: 1 }, q: { x: 1 } });
  });
});
