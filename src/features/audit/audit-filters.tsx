'use client';

import { useEffect, useState } from 'react';
import { DateRangeFilter } from '@/components/date-range-filter';
import { FilterBar, FilterChip } from '@/components/filter-bar';
import { SelectField } from '@/components/select-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { SelectItem } from '@/components/ui/select';
import { useClearSearchParams, useSetSearchParam } from '@/lib/use-replace-search-params';
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

/**
 * The action filter as typed. The URL follows it after a pause rather than on every key; a
 * change of the URL that is not ours (a link, "Clear filters") replaces what is typed.
 */
function useTypedAction(action: string, setParam: (key: string, value: string) => void) {
  const [actionTerm, setActionTerm] = useState(action);
  // The URL's action as last seen, and the one this field last put there.
  const [seenAction, setSeenAction] = useState(action);
  const [sentAction, setSentAction] = useState<string | null>(null);
  if (action !== seenAction) {
    setSeenAction(action);
    if (action !== sentAction) setActionTerm(action);
  }

  useEffect(() => {
    if (actionTerm.trim() === action) return;
    const timer = setTimeout(() => {
      setSentAction(actionTerm.trim());
      setParam('action', actionTerm.trim());
    }, ACTION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [actionTerm, action, setParam]);

  return [actionTerm, setActionTerm] as const;
}

export function AuditFiltersBar({ filters }: { filters: AuditFilters }) {
  const clearFilters = useClearSearchParams(AUDIT_FILTER_KEYS);
  const setParam = useSetSearchParam();
  const [actionTerm, setActionTerm] = useTypedAction(filters.action ?? '', setParam);

  // A type the menu does not list (from a shared link) is still shown as chosen.
  const entityTypes: readonly string[] =
    filters.entityType && !(AUDIT_ENTITY_TYPES as readonly string[]).includes(filters.entityType)
      ? [...AUDIT_ENTITY_TYPES, filters.entityType]
      : AUDIT_ENTITY_TYPES;

  return (
    <FilterBar
      label="Filter entries"
      onClear={
        hasAuditFilters(filters) || actionTerm
          ? () => {
              setActionTerm('');
              clearFilters();
            }
          : undefined
      }
    >
      <SelectField
        id="audit-entity"
        label="Entity"
        name="entityType"
        triggerClassName="w-44"
        value={filters.entityType ?? ALL}
        onValueChange={(value) => setParam('entityType', value === ALL ? undefined : value)}
      >
        <SelectItem value={ALL}>All</SelectItem>
        {entityTypes.map((type) => (
          <SelectItem key={type} value={type}>
            {type}
          </SelectItem>
        ))}
      </SelectField>

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

      <ActorSelect actorId={filters.actorId} onChange={(actorId) => setParam('actorId', actorId)} />

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

/** Who made the change: anyone, a member, or someone who has left (from a shared link). */
function ActorSelect({
  actorId,
  onChange,
}: {
  actorId: string | undefined;
  onChange: (actorId: string | undefined) => void;
}) {
  const members = api.members.list.useQuery({});
  const memberItems = members.data?.items ?? [];
  const otherActor =
    actorId && !memberItems.some((member) => member.userId === actorId) ? actorId : undefined;
  return (
    <SelectField
      id="audit-actor"
      label="Who"
      name="actorId"
      triggerClassName="w-48"
      value={actorId ?? ANYONE}
      onValueChange={(value) => onChange(value === ANYONE ? undefined : value)}
      disabled={members.isPending && !actorId}
      placeholder={members.isPending ? 'Loading members…' : 'Anyone'}
    >
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
    </SelectField>
  );
}
