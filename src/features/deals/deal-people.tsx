'use client';

import Link from 'next/link';
import { customerName } from '@/lib/format';
import { api } from '@/trpc/react';

/** The people of a deal, each a link to their page. */
export function DealPeople({ customerIds }: { customerIds: readonly string[] }) {
  const people = api.useQueries((t) => customerIds.map((id) => t.customers.get({ id })));
  if (customerIds.length === 0) {
    return <p className="text-sm text-muted-foreground">No one is linked to this deal yet.</p>;
  }
  return (
    <ul className="grid gap-1 text-sm">
      {customerIds.map((id, index) => {
        const person = people[index];
        const label = person?.data
          ? customerName(person.data)
          : person?.isError
            ? 'A deleted customer'
            : 'Loading…';
        return (
          <li key={id}>
            {person?.isError ? (
              <span className="text-muted-foreground">{label}</span>
            ) : (
              <Link href={`/customers/${id}`} className="underline-offset-4 hover:underline">
                {label}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
