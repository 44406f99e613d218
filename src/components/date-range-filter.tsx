import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/**
 * "From" and "To" days of a list filter (YYYY-MM-DD, both included); each bounds the other so
 * the range cannot be turned around.
 */
export function DateRangeFilter({
  idPrefix,
  from,
  to,
  onChange,
}: {
  /** The inputs' ids are `${idPrefix}-from` and `${idPrefix}-to`. */
  idPrefix: string;
  from?: string;
  to?: string;
  /** An empty value clears that end of the range. */
  onChange: (end: 'from' | 'to', value: string) => void;
}) {
  return (
    <>
      <div className="grid gap-2">
        <Label htmlFor={`${idPrefix}-from`}>From</Label>
        <Input
          id={`${idPrefix}-from`}
          type="date"
          className="w-40"
          value={from ?? ''}
          max={to}
          onChange={(event) => onChange('from', event.target.value)}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor={`${idPrefix}-to`}>To</Label>
        <Input
          id={`${idPrefix}-to`}
          type="date"
          className="w-40"
          value={to ?? ''}
          min={from}
          onChange={(event) => onChange('to', event.target.value)}
        />
      </div>
    </>
  );
}
