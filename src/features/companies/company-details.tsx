'use client';

import { DetailItem, DetailsSection, noValue, RecordDates } from '@/components/detail-item';
import type { Company } from '@/schemas/companies';
import { ContactDetails } from '@/features/records/contact-details';
import { sizeLabel } from './company-size';

export function CompanyDetails({ company }: { company: Company }) {
  return (
    <DetailsSection>
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
      <ContactDetails record={company} />
      <RecordDates record={company} />
    </DetailsSection>
  );
}
