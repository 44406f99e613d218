import { formatMoney } from '@/lib/format';

interface Sum {
  currency: string;
  amountCents: number;
  weightedAmountCents?: number;
}

/**
 * Sums in several currencies side by side ("$1,200.00 + €300.00"), never added together;
 * `fallback` when there is nothing.
 */
export function formatSums(
  sums: readonly Sum[],
  pick: 'amountCents' | 'weightedAmountCents' = 'amountCents',
  fallback = '—',
): string {
  const shown = sums.filter((sum) => (sum[pick] ?? 0) !== 0);
  if (shown.length === 0) return fallback;
  return shown.map((sum) => formatMoney(sum[pick] ?? 0, sum.currency)).join(' + ');
}
