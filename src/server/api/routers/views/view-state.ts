import {
  parseSavedViewState,
  type SavedViewList,
  type SavedViewState,
} from '@/schemas/saved-views';
import { AppError } from '@/server/errors';

/** A view's state checked against its list, or a 400 naming the params that are wrong. */
export function checkedViewState(list: SavedViewList, state: unknown): SavedViewState {
  const parsed = parseSavedViewState(list, state);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', `These filters do not fit the ${list} list`, {
      issues: parsed.error.issues.map((issue) => ({
        path: ['state', ...issue.path.map((segment) => String(segment))],
        message: issue.message,
      })),
    });
  }
  // Params left out (undefined) are not kept.
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  ) as SavedViewState;
}
