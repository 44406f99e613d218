'use client';

import { PlusIcon } from 'lucide-react';
import { useId, useMemo, useRef, useState } from 'react';
import { FormDialog, FormDialogActions, type DialogOpenState } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { describeError, issuesOf } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { MAX_STAGES, type Pipeline } from '@/schemas/pipelines';
import { api } from '@/trpc/react';
import {
  addStage,
  draftFrom,
  draftProblems,
  draftUpdate,
  moveStage,
  removeStage,
  setTarget,
  updateStage,
  type DraftProblems,
  type DraftStage,
  type StagesDraft,
} from './stages-draft';
import { StageRow } from './pipeline-stage-row';

export function PipelineStagesDialog({
  pipeline,
  ...dialog
}: { pipeline: Pipeline } & DialogOpenState) {
  return (
    <FormDialog
      {...dialog}
      className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl"
      title={`Edit stages of ${pipeline.name}`}
      description="Rename stages, set how likely a deal in each is to be won, reorder, add or remove them. Won and lost stages close a deal."
    >
      {/* Mounted only while open, so each opening starts from the stages as they are now. */}
      <StagesForm pipeline={pipeline} onDone={() => dialog.onOpenChange(false)} />
    </FormDialog>
  );
}

/** Server issues about `stages.N.field` put on the Nth row of what was sent. */
function serverProblems(error: unknown, sent: readonly DraftStage[]): DraftProblems | null {
  const problems: DraftProblems = { stages: {}, targets: {} };
  let any = false;
  for (const issue of issuesOf(error)) {
    const [root, index, field] = issue.path;
    const stage = root === 'stages' && typeof index === 'number' ? sent[index] : undefined;
    if (stage && (field === 'name' || field === 'probability')) {
      const label = field === 'name' ? 'Name' : 'Probability';
      problems.stages[stage.key] = {
        ...problems.stages[stage.key],
        [field]: `${label} ${issue.message}`,
      };
      any = true;
    }
  }
  return any ? problems : null;
}

function StagesForm({ pipeline, onDone }: { pipeline: Pipeline; onDone: () => void }) {
  const utils = api.useUtils();
  const [draft, setDraft] = useState<StagesDraft>(() => draftFrom(pipeline.stages));
  const [problems, setProblems] = useState<DraftProblems | null>(null);
  const [checked, setChecked] = useState(false);
  const nextKey = useRef(0);
  const counts = api.deals.board.useQuery({ pipelineId: pipeline.id, perStage: 0 });
  const dealCounts = useMemo(
    () =>
      counts.data ? new Map(counts.data.stages.map((stage) => [stage.id, stage.count])) : undefined,
    [counts.data],
  );

  const update = api.pipelines.update.useMutation({
    onSuccess: async () => {
      toast.success(`The stages of ${pipeline.name} were saved`);
      onDone();
      await Promise.all([
        utils.pipelines.invalidate(),
        utils.deals.invalidate(),
        utils.dashboard.invalidate(),
      ]);
    },
    onError: (error) => {
      const fromServer = serverProblems(error, draft.stages);
      if (fromServer) setProblems(fromServer);
      else toast.error(describeError(error));
    },
  });

  function change(next: StagesDraft) {
    setDraft(next);
    // Once the form was sent, problems follow the edits; before that they wait.
    if (checked) setProblems(draftProblems(next, dealCounts));
  }

  // Removed stages' deals may go to stages that exist already (a new one has no id yet).
  const targets = draft.stages.filter((stage) => stage.id);
  const removedWithDeals = draft.removed.filter((entry) => dealCounts?.get(entry.stage.id) !== 0);

  return (
    <PostForm
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        const found = draftProblems(draft, dealCounts);
        setProblems(found);
        if (!found) update.mutate(draftUpdate(pipeline.id, draft));
      }}
    >
      <ol className="grid gap-3">
        {draft.stages.map((stage, index) => (
          <StageRow
            key={stage.key}
            stage={stage}
            position={index + 1}
            first={index === 0}
            last={index === draft.stages.length - 1}
            problems={problems?.stages[stage.key]}
            onChange={(fields) => change(updateStage(draft, stage.key, fields))}
            onMove={(by) => change(moveStage(draft, index, by))}
            onRemove={() => change(removeStage(draft, stage.key, pipeline.stages))}
          />
        ))}
      </ol>
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={draft.stages.length >= MAX_STAGES}
          onClick={() => change(addStage(draft, `new-${nextKey.current++}`))}
        >
          <PlusIcon aria-hidden="true" />
          Add stage
        </Button>
      </div>

      {removedWithDeals.length > 0 ? (
        <fieldset className="grid gap-3 rounded-lg border p-3">
          <legend className="px-1 text-sm font-medium">Deals in removed stages</legend>
          {removedWithDeals.map((entry) => (
            <TargetField
              key={entry.stage.id}
              label={targetLabel(entry.stage.name, dealCounts?.get(entry.stage.id))}
              value={entry.target}
              targets={targets}
              error={problems?.targets[entry.stage.id]}
              onChange={(target) => change(setTarget(draft, entry.stage.id, target))}
            />
          ))}
        </fieldset>
      ) : null}

      {problems?.form ? (
        <p role="alert" className="text-sm text-destructive">
          {problems.form}
        </p>
      ) : null}

      <FormDialogActions
        pending={update.isPending}
        submitLabel="Save stages"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </PostForm>
  );
}

/** "Move the 3 deals in Proposal to", or without a count while it is unknown. */
function targetLabel(stageName: string, count: number | undefined) {
  if (count === 1) return `Move the deal in ${stageName} to`;
  return `Move the ${count === undefined ? '' : `${count} `}deals in ${stageName} to`;
}

function TargetField({
  label,
  value,
  targets,
  error,
  onChange,
}: {
  label: string;
  value: string;
  targets: readonly DraftStage[];
  error?: string;
  onChange: (target: string) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Choose a stage…</option>
        {targets.map((stage) => (
          <option key={stage.key} value={stage.key}>
            {stage.name.trim() || 'Unnamed stage'}
          </option>
        ))}
      </NativeSelect>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
