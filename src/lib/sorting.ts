export type SortOrder = 'asc' | 'desc';

/** How a list can be sorted by the fields `S`: what each is called and which way it reads. */
export interface Sorting<S extends string> {
  labels: Record<S, string>;
  /** The direction a field starts in when it is chosen. */
  defaultOrder: Record<S, SortOrder>;
  /** What a direction is called for a field: "A to Z", "Newest first". */
  orderLabel: (sort: S, order: SortOrder) => string;
  /** The directions in the order they are offered. */
  directions: readonly SortOrder[];
}
