'use client';

import { useEffect, useState } from 'react';
import { DateRangeFilter } from '@/components/date-range-filter';
import { FilterBar, FilterChip } from '@/components/filter-bar';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import { useReplaceSearchParams, useSetSearchParam } from '@/lib/use-replace-search-params';
import { api } from '@/trpc/react';
import {
  AUDIT_ENTITY_TYPES,
  AUDIT_FILTER_KEYS,
  hasAuditFilters,
  type AuditFilters,
} from './list-params';

const ACTION_DELAY_MS = 300;
const ALL = 'all';
const ANYONE = 'anyone';

export function AuditFiltersBar({ filters }: { filters: AuditFilters }) {
  const replace = useReplaceSearchParams();
  const members = api.members.list.useQuery({});
  const action = filters.action ?? '';
  const [actionTerm, setActionTerm] = useState(action);
  // The URL's action as last seen, and the one this field last put there: a change that is not
  // ours (a link, "Clear filters") replaces what is typed.
  const [seenAction, setSeenAction] = useState(action);
  const [sentAction, setSentAction] = useState<string | null>(null);
  if (action !== seenAction) {
    setSeenAction(action);
    if (action !== sentAction) setActionTerm(action);
  }

  const setParam = useSetSearchParam();

  // The action is typed, so the URL follows it after a pause rather than on every key.
  useEffect(() => {
    if (actionTerm.trim() === action) return;
    const timer = setTimeout(() => {
      setSentAction(actionTerm.trim());
      setParam('action', actionTerm.trim());
    }, ACTION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [actionTerm, action, setParam]);

  // A type the menu does not list (from a shared link) is still shown as chosen.
  const entityTypes: readonly string[] =
    filters.entityType && !(AUDIT_ENTITY_TYPES as readonly string[]).includes(filters.entityType)
      ? [...AUDIT_ENTITY_TYPES, filters.entityType]
      : AUDIT_ENTITY_TYPES;
  const memberItems = members.data?.items ?? [];
  // Someone no longer in the team (from a shared link) is still shown as chosen.
  const otherActor =
    filters.actorId && !memberItems.some((member) => member.userId === filters.actorId)
      ? filters.actorId
      : undefined;

  return (
    <FilterBar
      label="Filter entries"
      onClear={
        hasAuditFilters(filters) || actionTerm
          ? () => {
              setActionTerm('');
              replace((params) => {
                for (const key of AUDIT_FILTER_KEYS) params.delete(key);
              });
            }
          : undefined
      }
    >
      <div className="grid gap-2">
        <Label htmlFor="audit-entity">Entity</Label>
        <Select
          name="entityType"
          value={filters.entityType ?? ALL}
          onValueChange={(value) => setParam('entityType', value === ALL ? undefined : value)}
        >
          <SelectTrigger id="audit-entity" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All</SelectItem>
            {entityTypes.map((type) => (
              <SelectItem key={type} value={type}>
                {type}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>

      <div className="grid gap-2">
        <Label htmlFor="audit-action">Action</Label>
        <Input
          id="audit-action"
          type="search"
          className="w-52"
          placeholder="e.g. customer.updated"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={actionTerm}
          onChange={(event) => setActionTerm(event.target.value)}
        />
      </div>

      <div className="grid gap-2">
        <Label htmlFor="audit-actor">Who</Label>
        <Select
          name="actorId"
          value={filters.actorId ?? ANYONE}
          onValueChange={(value) => setParam('actorId', value === ANYONE ? undefined : value)}
          disabled={members.isPending && !filters.actorId}
        >
          <SelectTrigger id="audit-actor" className="w-48">
            <SelectValue placeholder={members.isPending ? 'Loading members…' : 'Anyone'} />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANYONE}>Anyone</SelectItem>
            {memberItems.map((member) => (
              <SelectItem key={member.userId} value={member.userId}>
                {member.name}
              </SelectItem>
            ))}
            {otherActor ? (
              <SelectItem value={otherActor}>
                {members.isPending ? 'Loading…' : 'A former member'}
              </SelectItem>
            ) : null}
          </SelectContent>
        </Select>
      </div>

      <DateRangeFilter idPrefix="audit" from={filters.from} to={filters.to} onChange={setParam} />

      {filters.entityId ? (
        <FilterChip
          removeLabel="Remove the entity id filter"
          onRemove={() => setParam('entityId', undefined)}
        >
          Entity id: <span className="font-mono">{filters.entityId.slice(0, 8)}</span>
        </FilterChip>
      ) : null}
    </FilterBar>
  );
}
