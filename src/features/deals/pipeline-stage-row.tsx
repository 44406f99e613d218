'use client';

import { ArrowDownIcon, ArrowUpIcon, Trash2Icon, type LucideIcon } from 'lucide-react';
import { useId } from 'react';
import { TextField } from '@/components/form-field';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { STAGE_KINDS, type StageKind } from '@/schemas/pipelines';
import type { DraftStage } from './stages-draft';

const KIND_LABELS: Record<StageKind, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

/**
 * One stage in the stages editor: its name, its probability and its kind, with buttons that
 * move it or remove it.
 */
export function StageRow({
  stage,
  position,
  first,
  last,
  problems,
  onChange,
  onMove,
  onRemove,
}: {
  stage: DraftStage;
  position: number;
  first: boolean;
  last: boolean;
  problems?: { name?: string; probability?: string };
  onChange: (fields: Partial<Omit<DraftStage, 'key' | 'id'>>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const kindId = useId();
  const name = stage.name.trim() || `stage ${position}`;
  return (
    <li className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[minmax(0,1fr)_6rem_7rem_auto] sm:items-start">
      <TextField
        label="Name"
        value={stage.name}
        autoComplete="off"
        maxLength={100}
        error={problems?.name}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <TextField
        label="Probability (%)"
        value={stage.probability}
        inputMode="numeric"
        autoComplete="off"
        maxLength={3}
        error={problems?.probability}
        onChange={(event) => onChange({ probability: event.target.value })}
      />
      <div className="grid gap-2">
        <Label htmlFor={kindId}>Kind</Label>
        <NativeSelect
          id={kindId}
          value={stage.kind}
          onChange={(event) => onChange({ kind: event.target.value as StageKind })}
        >
          {STAGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex gap-1 sm:pt-[1.375rem]">
        <IconButton
          icon={ArrowUpIcon}
          label={`Move ${name} up`}
          disabled={first}
          onClick={() => onMove(-1)}
        />
        <IconButton
          icon={ArrowDownIcon}
          label={`Move ${name} down`}
          disabled={last}
          onClick={() => onMove(1)}
        />
        <IconButton icon={Trash2Icon} label={`Remove ${name}`} onClick={onRemove} />
      </div>
    </li>
  );
}

/** A stage's button that shows only its icon, named for screen readers. */
function IconButton({
  icon: Icon,
  label,
  disabled,
  onClick,
}: {
  icon: LucideIcon;
  label: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon aria-hidden="true" />
    </Button>
  );
}
