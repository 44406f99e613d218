import type { Customer } from '@/schemas/customers';

/** One term and its value in a record's details list (a `<dl>`). */
export function DetailItem({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

/** What a details list shows for a field with no value. */
export const noValue = <span className="text-muted-foreground">—</span>;

/** A postal address as the lines of an envelope, empty parts left out. */
export function addressLines(address: Customer['address'] | undefined): string[] {
  if (!address) return [];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region, address.country].filter(
    (line): line is string => Boolean(line),
  );
}
