'use client';

import { formatDateTime } from '@/lib/format';
import type { Company } from '@/schemas/companies';
import { api } from '@/trpc/react';
import { sizeLabel } from './company-size';

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;

function addressLines(address: Company['address']): string[] {
  if (!address) return [];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region, address.country].filter(
    (line): line is string => Boolean(line),
  );
}

export function CompanyDetails({ company }: { company: Company }) {
  const members = api.members.list.useQuery({});
  const owner = company.ownerId
    ? members.data?.items.find((member) => member.userId === company.ownerId)
    : undefined;
  const address = addressLines(company.address);

  return (
    <section aria-labelledby="details-heading" className="grid grid-cols-1 gap-4">
      <h2 id="details-heading" className="text-lg font-semibold">
        Details
      </h2>
      <dl className="grid gap-4 rounded-lg border bg-background p-4">
        <Item term="Domain">{company.domain ?? none}</Item>
        <Item term="Website">
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
            none
          )}
        </Item>
        <Item term="Industry">{company.industry ?? none}</Item>
        <Item term="Size">{company.size ? sizeLabel(company.size) : none}</Item>
        <Item term="Phone">
          {company.phone ? (
            <a
              href={`tel:${company.phone.replace(/[^+0-9]/g, '')}`}
              className="underline-offset-4 hover:underline"
            >
              {company.phone}
            </a>
          ) : (
            none
          )}
        </Item>
        <Item term="Owner">
          {!company.ownerId
            ? 'No owner'
            : owner
              ? owner.name
              : members.isPending
                ? 'Loading…'
                : 'A former member'}
        </Item>
        <Item term="Address">
          {address.length > 0 ? (
            <address className="not-italic">
              {address.map((line, i) => (
                <span key={i} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : (
            none
          )}
        </Item>
        <Item term="Created">
          <time dateTime={company.createdAt.toISOString()}>
            {formatDateTime(company.createdAt)}
          </time>
        </Item>
        <Item term="Updated">
          <time dateTime={company.updatedAt.toISOString()}>
            {formatDateTime(company.updatedAt)}
          </time>
        </Item>
        <Item term="Version">{company.version}</Item>
      </dl>
    </section>
  );
}
