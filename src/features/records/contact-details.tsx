'use client';

import { AddressDetail, DetailItem, PhoneDetail } from '@/components/detail-item';
import { OwnerName } from '@/features/members/owner-fields';
import type { Customer } from '@/schemas/customers';

/** How to reach a customer or a company, and who looks after them: phone, owner and address. */
export function ContactDetails({
  record,
}: {
  record: { phone: string | null; ownerId: string | null; address: Customer['address'] };
}) {
  return (
    <>
      <PhoneDetail phone={record.phone} />
      <DetailItem term="Owner">
        <OwnerName ownerId={record.ownerId} />
      </DetailItem>
      <AddressDetail address={record.address} />
    </>
  );
}
