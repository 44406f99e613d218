'use client';

import {
  AddressDetail,
  DetailItem,
  DetailsSection,
  noValue,
  PhoneDetail,
  RecordDates,
} from '@/components/detail-item';
import type { Company } from '@/schemas/companies';
import { OwnerName } from '@/features/members/owner-fields';
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
      <PhoneDetail phone={company.phone} />
      <DetailItem term="Owner">
        <OwnerName ownerId={company.ownerId} />
      </DetailItem>
      <AddressDetail address={company.address} />
      <RecordDates record={company} />
    </DetailsSection>
  );
}
