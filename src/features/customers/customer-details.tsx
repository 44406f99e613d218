'use client';

import Link from 'next/link';
import { addressLines, DetailItem, noValue } from '@/components/detail-item';
import { formatDateTime } from '@/lib/format';
import type { Customer } from '@/schemas/customers';
import { OwnerName } from '@/features/members/owner-fields';

export function CustomerDetails({ customer }: { customer: Customer }) {
  const address = addressLines(customer.address);
  const hasMetadata = Object.keys(customer.metadata).length > 0;

  return (
    <section aria-labelledby="details-heading" className="grid grid-cols-1 gap-4">
      <h2 id="details-heading" className="text-lg font-semibold">
        Details
      </h2>
      <dl className="grid gap-4 rounded-lg border bg-background p-4">
        <DetailItem term="Email">
          {customer.email ? (
            <a href={`mailto:${customer.email}`} className="underline-offset-4 hover:underline">
              {customer.email}
            </a>
          ) : (
            noValue
          )}
        </DetailItem>
        <DetailItem term="Company">
          {customer.companyId && customer.company ? (
            <Link
              href={`/companies/${customer.companyId}`}
              className="underline-offset-4 hover:underline"
            >
              {customer.company}
            </Link>
          ) : (
            (customer.company ?? noValue)
          )}
        </DetailItem>
        <DetailItem term="Phone">
          {customer.phone ? (
            <a
              href={`tel:${customer.phone.replace(/[^+0-9]/g, '')}`}
              className="underline-offset-4 hover:underline"
            >
              {customer.phone}
            </a>
          ) : (
            noValue
          )}
        </DetailItem>
        <DetailItem term="Owner">
          <OwnerName ownerId={customer.ownerId} />
        </DetailItem>
        <DetailItem term="Address">
          {address.length > 0 ? (
            <address className="not-italic">
              {address.map((line, i) => (
                <span key={i} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : (
            noValue
          )}
        </DetailItem>
        <DetailItem term="Metadata">
          {hasMetadata ? (
            <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">
              {JSON.stringify(customer.metadata, null, 2)}
            </pre>
          ) : (
            noValue
          )}
        </DetailItem>
        <DetailItem term="Created">
          <time dateTime={customer.createdAt.toISOString()}>
            {formatDateTime(customer.createdAt)}
          </time>
        </DetailItem>
        <DetailItem term="Updated">
          <time dateTime={customer.updatedAt.toISOString()}>
            {formatDateTime(customer.updatedAt)}
          </time>
        </DetailItem>
        <DetailItem term="Version">{customer.version}</DetailItem>
      </dl>
    </section>
  );
}
