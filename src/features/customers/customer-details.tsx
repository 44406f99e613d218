'use client';

import Link from 'next/link';
import { DetailItem, DetailsSection, noValue, RecordDates } from '@/components/detail-item';
import type { Customer } from '@/schemas/customers';
import { ContactDetails } from '@/features/records/contact-details';

export function CustomerDetails({ customer }: { customer: Customer }) {
  const hasMetadata = Object.keys(customer.metadata).length > 0;

  return (
    <DetailsSection>
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
      <ContactDetails record={customer} />
      <DetailItem term="Metadata">
        {hasMetadata ? (
          <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">
            {JSON.stringify(customer.metadata, null, 2)}
          </pre>
        ) : (
          noValue
        )}
      </DetailItem>
      <RecordDates record={customer} />
    </DetailsSection>
  );
}
