const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed UUID from a URL, lower-cased; anything else is undefined (not asked for). */
export function uuidParam(value: string | null): string | undefined {
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}
