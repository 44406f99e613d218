import { sameValue } from '@/server/db/repositories/changes';

/** The fields that differ between two versions of a record: what the audit row records. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T) {
  const changed = Object.keys(after).filter(
    (key) => key !== 'version' && key !== 'updatedAt' && !sameValue(before[key], after[key]),
  );
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  };
}
