import superjson, { type SuperJSONResult } from 'superjson';
import { assertStorableInput } from './storable-input';

type Annotation = ['Date'] | ['undefined'];

const UNSUPPORTED = Symbol('unsupported');
type Walked = unknown;

/**
 * superjson, with a faster serializer for what procedures return: plain objects and arrays of
 * strings, finite numbers, booleans, null, undefined and dates. It writes exactly superjson's wire
 * format, so clients deserialize it with superjson; anything else (a Map, a bigint, NaN, an
 * invalid date, a class instance) goes to superjson itself. superjson walks every value with
 * its whole plug-in machinery and was the largest cost of a 50-row page over tRPC (about a
 * sixth of the server's CPU); this walk only looks for dates.
 *
 * One difference: an object that appears twice in the output arrives as two equal copies, where
 * superjson would restore one shared reference. Procedure outputs are data, so nothing relies on it.
 */
export const transformer = {
  serialize(value: unknown): SuperJSONResult {
    if (value === undefined || value instanceof Date) return superjson.serialize(value);
    const values: Record<string, Annotation> = {};
    const json = walk(value, [], values);
    if (json === UNSUPPORTED) return superjson.serialize(value);
    return Object.keys(values).length > 0
      ? { json: json as SuperJSONResult['json'], meta: { values, v: 1 } }
      : { json: json as SuperJSONResult['json'] };
  },
  /**
   * An input is checked before superjson copies it, recursively: a deeply nested one would
   * overflow the stack before any procedure saw it. Its referential equalities are dropped, so
   * it stays a tree, as a JSON body is: the annotations could otherwise make an input refer to
   * itself (which JSON.stringify cannot store) or share one part so often that walking it takes
   * exponential time. Nothing is lost, as superjson also writes a shared part out in full.
   */
  deserialize<T>(payload: SuperJSONResult): T {
    const { json, meta } = (payload ?? {}) as SuperJSONResult;
    assertStorableInput(json);
    return superjson.deserialize<T>({
      json,
      ...(meta ? { meta: { ...meta, referentialEqualities: undefined } } : {}),
    });
  },
};

/** Walks value, noting each date and undefined at its path (a stack of keys, joined only then). */
function walk(value: unknown, path: string[], values: Record<string, Annotation>): Walked {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : UNSUPPORTED;
    case 'object':
      break;
    default:
      return UNSUPPORTED;
  }
  if (value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return UNSUPPORTED;
    values[joined(path)] = ['Date'];
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    const out: Walked[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(String(i));
      const item = member(value[i], path, values);
      path.pop();
      if (item === UNSUPPORTED) return UNSUPPORTED;
      out[i] = item;
    }
    return out;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return UNSUPPORTED;
  const out: Record<string, Walked> = {};
  for (const key in value) {
    if (key === '__proto__' || !Object.hasOwn(value, key)) return UNSUPPORTED;
    path.push(key);
    const item = member((value as Record<string, unknown>)[key], path, values);
    path.pop();
    if (item === UNSUPPORTED) return UNSUPPORTED;
    out[key] = item;
  }
  return out;
}

/** An element or property: undefined is kept as null plus an annotation, as superjson does. */
function member(value: unknown, path: string[], values: Record<string, Annotation>): Walked {
  if (value !== undefined) return walk(value, path, values);
  values[joined(path)] = ['undefined'];
  return null;
}

/** superjson's path syntax: keys joined with dots, backslashes and dots in keys escaped. */
function joined(path: string[]): string {
  return path.map((key) => key.replace(/\\/g, '\\\\').replace(/\./g, '\\.')).join('.');
}
