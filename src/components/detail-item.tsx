import { PageSection } from '@/components/page-section';
import { formatDateTime } from '@/lib/format';
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

/** A record's "Details" section: its terms and values, in a bordered list. */
export function DetailsSection({ children }: { children: React.ReactNode }) {
  return (
    <PageSection id="details-heading" title="Details">
      <dl className="grid gap-4 rounded-lg border bg-background p-4">{children}</dl>
    </PageSection>
  );
}

/** A phone number, as a link that dials it. */
export function PhoneDetail({ phone }: { phone: string | null }) {
  return (
    <DetailItem term="Phone">
      {phone ? (
        <a
          href={`tel:${phone.replace(/[^+0-9]/g, '')}`}
          className="underline-offset-4 hover:underline"
        >
          {phone}
        </a>
      ) : (
        noValue
      )}
    </DetailItem>
  );
}

/** A postal address, line by line. */
export function AddressDetail({ address }: { address: Customer['address'] | undefined }) {
  const lines = addressLines(address);
  return (
    <DetailItem term="Address">
      {lines.length > 0 ? (
        <address className="not-italic">
          {lines.map((line, i) => (
            <span key={i} className="block">
              {line}
            </span>
          ))}
        </address>
      ) : (
        noValue
      )}
    </DetailItem>
  );
}

/** When a record was created and last changed, and its version. */
export function RecordDates({
  record,
}: {
  record: { createdAt: Date; updatedAt: Date; version: number };
}) {
  return (
    <>
      <DetailItem term="Created">
        <time dateTime={record.createdAt.toISOString()}>{formatDateTime(record.createdAt)}</time>
      </DetailItem>
      <DetailItem term="Updated">
        <time dateTime={record.updatedAt.toISOString()}>{formatDateTime(record.updatedAt)}</time>
      </DetailItem>
      <DetailItem term="Version">{record.version}</DetailItem>
    </>
  );
}
