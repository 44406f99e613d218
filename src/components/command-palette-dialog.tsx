'use client';

import { keepPreviousData } from '@tanstack/react-query';
import {
  ArrowRightIcon,
  Building2Icon,
  HandshakeIcon,
  HistoryIcon,
  ListTodoIcon,
  ReceiptIcon,
  UserIcon,
  type LucideIcon,
} from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
} from '@/components/ui/command';
import { useRecentRecords, type RecentRecord } from '@/lib/use-recent-records';
import type { PipelineStage } from '@/schemas/pipelines';
import { api } from '@/trpc/react';
import { useOpenRecord, usePaletteActions } from './command-palette-actions';
import { OrganizationChoices, StageChoices } from './command-palette-choices';
import type { NavItem } from './main-nav';

const SEARCH_DELAY_MS = 200;
const MIN_SEARCH_LENGTH = 2;
const SEARCH_LIMIT = 20;

const KINDS: Record<RecentRecord['kind'], { label: string; icon: LucideIcon }> = {
  customer: { label: 'Customer', icon: UserIcon },
  company: { label: 'Company', icon: Building2Icon },
  deal: { label: 'Deal', icon: HandshakeIcon },
  order: { label: 'Order', icon: ReceiptIcon },
  task: { label: 'Task', icon: ListTodoIcon },
};

/** A list of choices the palette shows instead of everything. */
type Choosing = 'stages' | 'organizations' | null;

const matches = (needle: string, ...texts: (string | null | undefined)[]) =>
  texts.some((text) => text?.toLowerCase().includes(needle));

function RecordItem({
  record,
  recent,
  onOpen,
}: {
  record: RecentRecord;
  recent?: boolean;
  onOpen: (record: RecentRecord) => void;
}) {
  const { label, icon: Icon } = KINDS[record.kind];
  return (
    <CommandItem
      value={`${recent ? 'recent' : 'found'}-${record.kind}-${record.id}`}
      onSelect={() => onOpen(record)}
    >
      {recent ? <HistoryIcon aria-hidden="true" /> : <Icon aria-hidden="true" />}
      <span className="min-w-0 truncate">{record.title}</span>
      {record.subtitle ? (
        <span className="min-w-0 shrink truncate text-xs text-muted-foreground">
          {record.subtitle}
        </span>
      ) : null}
      <span className="ml-auto shrink-0 rounded border px-1.5 text-xs text-muted-foreground">
        {label}
      </span>
    </CommandItem>
  );
}

export function CommandPaletteDialog({
  pages,
  open,
  onOpenChange,
  takeKeysTypedAhead,
  onShowShortcuts,
}: {
  pages: NavItem[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The keys typed while the palette was on its way, which the box starts with. */
  takeKeysTypedAhead: () => string;
  onShowShortcuts: () => void;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  const [choosing, setChoosing] = useState<Choosing>(null);
  const [lostStage, setLostStage] = useState<PipelineStage | null>(null);
  const openRecord = useOpenRecord();

  const organizations = api.organizations.mine.useQuery(undefined, {
    enabled: open,
    staleTime: 5 * 60_000,
  });
  const organizationId = organizations.data?.find((organization) => organization.active)?.id;
  const recent = useRecentRecords(organizationId);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);

  // Radix focuses the box as the palette opens; should anything else have taken the focus, the
  // box takes it back, so that the keys typed ahead reach it.
  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => {
      if (document.activeElement !== input.current) input.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);

  const searching = open && choosing === null && query.length >= MIN_SEARCH_LENGTH;
  const search = api.search.everything.useQuery(
    { q: query, limit: SEARCH_LIMIT },
    { enabled: searching, placeholderData: keepPreviousData },
  );

  function close() {
    onOpenChange(false);
    setTerm('');
    setQuery('');
    setChoosing(null);
    setLostStage(null);
  }

  function go(href: string) {
    close();
    router.push(href);
  }

  function openRecordPage(record: RecentRecord) {
    recent.remember(record);
    go(record.href);
  }

  function choose(list: Exclude<Choosing, null>) {
    setChoosing(list);
    setTerm('');
    setQuery('');
  }

  function back() {
    if (lostStage) setLostStage(null);
    else setChoosing(null);
    setTerm('');
  }

  const actions = usePaletteActions({
    go,
    close,
    choose,
    onShowShortcuts,
    organizationCount: organizations.data?.length ?? 0,
  });

  const needle = term.trim().toLowerCase();
  const recentShown = needle
    ? recent.records.filter((record) => matches(needle, record.title, record.subtitle))
    : recent.records;
  const recentKeys = new Set(recentShown.map((record) => `${record.kind}-${record.id}`));
  const found =
    searching && needle.length >= MIN_SEARCH_LENGTH
      ? (search.data?.items ?? []).filter((item) => !recentKeys.has(`${item.kind}-${item.id}`))
      : [];
  const matchingActions = actions.filter((action) =>
    matches(needle, action.label, action.keywords),
  );
  const matchingPages = pages.filter((page) => matches(needle, page.label));

  const placeholder =
    lostStage !== null
      ? 'Why was it lost? (optional)'
      : choosing === 'stages'
        ? 'Find a stage…'
        : choosing === 'organizations'
          ? 'Find an organization…'
          : 'Find anything, or type a command…';

  return (
    <CommandDialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Search"
      description="Find a customer, a company, a deal, an order by its number or a task; go to a page; or do something."
      commandProps={{
        shouldFilter: false,
        loop: true,
        label: 'Search and actions',
        onKeyDown: (event) => {
          if (event.key === 'Backspace' && term === '' && choosing !== null) {
            event.preventDefault();
            back();
          }
        },
      }}
    >
      <CommandInput
        ref={input}
        placeholder={placeholder}
        value={term}
        onValueChange={setTerm}
        onFocus={() => {
          const typed = takeKeysTypedAhead();
          if (typed) setTerm((current) => typed + current);
        }}
        maxLength={200}
      />
      <CommandList>
        <CommandEmpty>
          {searching && search.isFetching ? 'Searching…' : 'Nothing matches.'}
        </CommandEmpty>
        {choosing === 'stages' && openRecord?.section === 'deals' ? (
          <StageChoices
            dealId={openRecord.id}
            needle={needle}
            lostStage={lostStage}
            reason={term}
            onLosing={(stage) => {
              setLostStage(stage);
              setTerm('');
            }}
            onDone={close}
          />
        ) : null}
        {choosing === 'organizations' ? (
          <OrganizationChoices needle={needle} onDone={close} />
        ) : null}
        {choosing === null ? (
          <>
            {recentShown.length > 0 ? (
              <CommandGroup heading="Recent">
                {recentShown.map((record) => (
                  <RecordItem
                    key={`${record.kind}-${record.id}`}
                    record={record}
                    recent
                    onOpen={openRecordPage}
                  />
                ))}
              </CommandGroup>
            ) : null}
            {found.length > 0 ? (
              <CommandGroup heading="Best matches">
                {found.map((record) => (
                  <RecordItem
                    key={`${record.kind}-${record.id}`}
                    record={record}
                    onOpen={openRecordPage}
                  />
                ))}
              </CommandGroup>
            ) : null}
            {matchingActions.length > 0 ? (
              <CommandGroup heading="Actions">
                {matchingActions.map(({ id, label, icon: Icon, run }) => (
                  <CommandItem key={id} value={`action-${id}`} onSelect={run}>
                    <Icon aria-hidden="true" />
                    {label}
                  </CommandItem>
                ))}
              </CommandGroup>
            ) : null}
            {matchingPages.length > 0 ? (
              <CommandGroup heading="Pages">
                {matchingPages.map((page) => (
                  <CommandItem
                    key={page.href}
                    value={`page-${page.href}`}
                    onSelect={() => go(page.href)}
                  >
                    <ArrowRightIcon aria-hidden="true" />
                    {page.label}
                  </CommandItem>
                ))}
              </CommandGroup>
            ) : null}
          </>
        ) : null}
      </CommandList>
    </CommandDialog>
  );
}
