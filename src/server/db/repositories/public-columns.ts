/**
 * A table's columns but the internal ones: what a repository reads and returns of its rows, in
 * the table's order.
 */
export function columnsExcept<Columns extends object, Internal extends keyof Columns>(
  columns: Columns,
  internal: Internal[],
): Omit<Columns, Internal> {
  return Object.fromEntries(
    Object.entries(columns).filter(([name]) => !internal.includes(name as Internal)),
  ) as Omit<Columns, Internal>;
}
