'use client';

import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { Customer } from '@/schemas/customers';
import { api } from '@/trpc/react';

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;

function addressLines(address: Customer['address']): string[] {
  if (!address) return [];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region, address.country].filter(
    (line): line is string => Boolean(line),
  );
}

export function CustomerDetails({ customer }: { customer: Customer }) {
  const members = api.members.list.useQuery({});
  const owner = customer.ownerId
    ? members.data?.items.find((member) => member.userId === customer.ownerId)
    : undefined;
  const address = addressLines(customer.address);
  const hasMetadata = Object.keys(customer.metadata).length > 0;

  return (
    <section aria-labelledby="details-heading" className="grid grid-cols-1 gap-4">
      <h2 id="details-heading" className="text-lg font-semibold">
        Details
      </h2>
      <dl className="grid gap-4 rounded-lg border bg-background p-4">
        <Item term="Email">
          {customer.email ? (
            <a href={`mailto:${customer.email}`} className="underline-offset-4 hover:underline">
              {customer.email}
            </a>
          ) : (
            none
          )}
        </Item>
        <Item term="Company">
          {customer.companyId && customer.company ? (
            <Link
              href={`/companies/${customer.companyId}`}
              className="underline-offset-4 hover:underline"
            >
              {customer.company}
            </Link>
          ) : (
            (customer.company ?? none)
          )}
        </Item>
        <Item term="Phone">
          {customer.phone ? (
            <a
              href={`tel:${customer.phone.replace(/[^+0-9]/g, '')}`}
              className="underline-offset-4 hover:underline"
            >
              {customer.phone}
            </a>
          ) : (
            none
          )}
        </Item>
        <Item term="Owner">
          {!customer.ownerId
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
        <Item term="Metadata">
          {hasMetadata ? (
            <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">
              {JSON.stringify(customer.metadata, null, 2)}
            </pre>
          ) : (
            none
          )}
        </Item>
        <Item term="Created">
          <time dateTime={customer.createdAt.toISOString()}>
            {formatDateTime(customer.createdAt)}
          </time>
        </Item>
        <Item term="Updated">
          <time dateTime={customer.updatedAt.toISOString()}>
            {formatDateTime(customer.updatedAt)}
          </time>
        </Item>
        <Item term="Version">{customer.version}</Item>
      </dl>
    </section>
  );
}
