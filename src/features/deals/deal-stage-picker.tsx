'use client';

import { useState } from 'react';
import { SelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { describeError, errorCode } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Deal } from '@/schemas/deals';
import type { PipelineStage } from '@/schemas/pipelines';
import { api } from '@/trpc/react';
import { LostReasonDialog } from './lost-reason-dialog';

/** Moves a deal to another stage of its pipeline; a lost stage first asks why. */
export function DealStagePicker({
  deal,
  stages,
}: {
  deal: Deal;
  stages: readonly PipelineStage[];
}) {
  const utils = api.useUtils();
  const [losing, setLosing] = useState<PipelineStage | null>(null);
  const move = api.deals.move.useMutation({
    onSuccess: (moved) => {
      utils.deals.get.setData({ id: moved.id }, moved);
      const stage = stages.find((item) => item.id === moved.stageId);
      toast.success(`${moved.title} moved to ${stage?.name ?? 'another stage'}`);
    },
    onError: (error) => {
      toast.error(
        errorCode(error) === 'CONFLICT'
          ? `${deal.title} was not moved: someone else changed it meanwhile. The page now shows the latest version; try again.`
          : `${deal.title} was not moved: ${describeError(error)}`,
      );
    },
    onSettled: () =>
      Promise.all([
        utils.deals.get.invalidate({ id: deal.id }),
        utils.deals.stageHistory.invalidate({ id: deal.id }),
        utils.deals.board.invalidate(),
        utils.deals.list.invalidate(),
        utils.dashboard.invalidate(),
      ]),
  });

  function choose(stageId: string) {
    const stage = stages.find((item) => item.id === stageId);
    if (!stage || stage.id === deal.stageId) return;
    if (stage.kind === 'lost') setLosing(stage);
    else move.mutate({ id: deal.id, stageId, expectedVersion: deal.version });
  }

  return (
    <>
      <SelectField
        label="Stage"
        name="stage"
        value={deal.stageId}
        onValueChange={choose}
        disabled={move.isPending}
        triggerClassName="w-full sm:w-56"
      >
        {stages.map((stage) => (
          <SelectItem key={stage.id} value={stage.id}>
            {stage.name}
          </SelectItem>
        ))}
      </SelectField>
      <LostReasonDialog
        open={losing !== null}
        onOpenChange={(open) => !open && setLosing(null)}
        dealTitle={deal.title}
        stageName={losing?.name ?? ''}
        onConfirm={(lostReason) => {
          if (losing) {
            move.mutate({
              id: deal.id,
              stageId: losing.id,
              expectedVersion: deal.version,
              lostReason,
            });
          }
        }}
      />
    </>
  );
}
