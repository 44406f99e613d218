'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { XIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { SearchCombobox, type ComboboxOption } from '@/components/search-combobox';
import { Button } from '@/components/ui/button';
import { useCompanySearch } from '@/features/companies/use-company-search';
import { customerName } from '@/lib/format';
import { MAX_DEAL_CUSTOMERS } from '@/schemas/deals';
import { api } from '@/trpc/react';

const SEARCH_DELAY_MS = 200;
const SUGGESTIONS = 8;

/**
 * Company: a box that suggests the organization's companies as it is typed in. Only a picked
 * company is linked; emptying the box unlinks it.
 */
export function DealCompanyField({
  companyId,
  onChange,
  error,
}: {
  companyId: string | null;
  onChange: (companyId: string | null) => void;
  error?: string;
}) {
  // What is typed; until something is, the box shows the linked company's name.
  const [typed, setTyped] = useState<string | null>(null);
  const linked = api.companies.get.useQuery(
    { id: companyId ?? '' },
    { enabled: companyId !== null && typed === null },
  );
  const value = typed ?? (companyId ? (linked.data?.name ?? '') : '');
  const { options, searching } = useCompanySearch(companyId ? '' : value);
  const named = value.trim();

  return (
    <SearchCombobox
      label="Company"
      name="companyId"
      value={value}
      onValueChange={(text) => {
        setTyped(text);
        if (companyId) onChange(null);
      }}
      options={options}
      searching={searching}
      emptyText={`No company matches “${named}”.`}
      onPick={(option) => {
        setTyped(option.label);
        onChange(option.id);
      }}
      hint={
        companyId
          ? 'Linked to this company.'
          : named
            ? 'Pick the company from the suggestions to link it.'
            : 'Optional: type to find one of your companies.'
      }
      error={error}
    />
  );
}

/** The deal's people: found by name, e-mail or company, each shown and removable as a chip. */
export function DealPeopleField({
  customerIds,
  onChange,
  error,
}: {
  customerIds: readonly string[];
  onChange: (customerIds: string[]) => void;
  error?: string;
}) {
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  // Names of people picked here, shown before their own record is read.
  const [pickedNames, setPickedNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);
  const search = api.customers.list.useQuery(
    { q: query, limit: SUGGESTIONS + customerIds.length },
    { enabled: query.length > 0, placeholderData: keepPreviousData },
  );
  const options: ComboboxOption[] = (query ? (search.data?.items ?? []) : [])
    .filter((customer) => !customerIds.includes(customer.id))
    .slice(0, SUGGESTIONS)
    .map((customer) => ({
      id: customer.id,
      label: customerName(customer),
      hint: customer.company ?? customer.email ?? undefined,
    }));
  const people = api.useQueries((t) =>
    customerIds.filter((id) => !pickedNames.has(id)).map((id) => t.customers.get({ id })),
  );
  const known = new Map(pickedNames);
  for (const person of people)
    if (person.data) known.set(person.data.id, customerName(person.data));
  const full = customerIds.length >= MAX_DEAL_CUSTOMERS;

  return (
    <div className="grid gap-2">
      <SearchCombobox
        label="People"
        name="customerIds"
        value={term}
        onValueChange={setTerm}
        options={full ? [] : options}
        searching={term.trim() !== query || search.isFetching}
        emptyText={full ? `A deal has at most ${MAX_DEAL_CUSTOMERS} people.` : 'No one matches.'}
        onPick={(option) => {
          setPickedNames((names) => new Map(names).set(option.id, option.label));
          onChange([...customerIds, option.id]);
          setTerm('');
        }}
        hint={
          customerIds.length === 0
            ? 'Optional: type to find customers. The first person is billed for the order.'
            : 'Type to add another person. The first person is billed for the order.'
        }
        error={error}
      />
      {customerIds.length > 0 ? (
        <ul aria-label="Chosen people" className="flex flex-wrap gap-2">
          {customerIds.map((id) => {
            const name = known.get(id) ?? 'A customer';
            return (
              <li
                key={id}
                className="inline-flex max-w-full items-center gap-1 rounded-full border bg-muted py-0.5 pr-0.5 pl-3 text-sm"
              >
                <span className="truncate">{name}</span>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-6 rounded-full"
                  aria-label={`Remove ${name}`}
                  onClick={() => onChange(customerIds.filter((other) => other !== id))}
                >
                  <XIcon aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
