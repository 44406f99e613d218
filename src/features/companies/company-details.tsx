'use client';

import { addressLines, DetailItem, noValue } from '@/components/detail-item';
import { formatDateTime } from '@/lib/format';
import type { Company } from '@/schemas/companies';
import { OwnerName } from '@/features/members/owner-fields';
import { sizeLabel } from './company-size';

export function CompanyDetails({ company }: { company: Company }) {
  const address = addressLines(company.address);

  return (
    <section aria-labelledby="details-heading" className="grid grid-cols-1 gap-4">
      <h2 id="details-heading" className="text-lg font-semibold">
        Details
      </h2>
      <dl className="grid gap-4 rounded-lg border bg-background p-4">
        <DetailItem term="Domain">{company.domain ?? noValue}</DetailItem>
        <DetailItem term="Website">
          {company.website ? (
            <a
              href={company.website}
              target="_blank"
              rel="noopener noreferrer"
              className="underline-offset-4 hover:underline"
            >
              {company.website}
            </a>
          ) : (
            noValue
          )}
        </DetailItem>
        <DetailItem term="Industry">{company.industry ?? noValue}</DetailItem>
        <DetailItem term="Size">{company.size ? sizeLabel(company.size) : noValue}</DetailItem>
        <DetailItem term="Phone">
          {company.phone ? (
            <a
              href={`tel:${company.phone.replace(/[^+0-9]/g, '')}`}
              className="underline-offset-4 hover:underline"
            >
              {company.phone}
            </a>
          ) : (
            noValue
          )}
        </DetailItem>
        <DetailItem term="Owner">
          <OwnerName ownerId={company.ownerId} />
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
        <DetailItem term="Created">
          <time dateTime={company.createdAt.toISOString()}>
            {formatDateTime(company.createdAt)}
          </time>
        </DetailItem>
        <DetailItem term="Updated">
          <time dateTime={company.updatedAt.toISOString()}>
            {formatDateTime(company.updatedAt)}
          </time>
        </DetailItem>
        <DetailItem term="Version">{company.version}</DetailItem>
      </dl>
    </section>
  );
}
