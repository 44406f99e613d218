'use client';

import { Building2Icon, CheckIcon, CircleDotIcon, XCircleIcon } from 'lucide-react';
import { CommandGroup, CommandItem } from '@/components/ui/command';
import { useMoveDeal } from '@/features/deals/use-move-deal';
import { useSwitchOrganization } from '@/features/organizations/use-switch-organization';
import { toast } from '@/lib/toast';
import type { PipelineStage } from '@/schemas/pipelines';
import { api } from '@/trpc/react';

const STAGE_ICONS = { open: CircleDotIcon, won: CheckIcon, lost: XCircleIcon } as const;

/**
 * The stages of the open deal's pipeline, to move it to one. A lost stage first asks why
 * (`onLosing`): the palette's box then takes the reason.
 */
export function StageChoices({
  dealId,
  needle,
  lostStage,
  reason,
  onLosing,
  onDone,
}: {
  dealId: string;
  needle: string;
  /** The lost stage chosen, whose reason the box now holds. */
  lostStage: PipelineStage | null;
  reason: string;
  onLosing: (stage: PipelineStage) => void;
  onDone: () => void;
}) {
  const deal = api.deals.get.useQuery({ id: dealId });
  const pipeline = api.pipelines.get.useQuery(
    { id: deal.data?.pipelineId ?? '' },
    { enabled: deal.data !== undefined },
  );
  const move = useMoveDeal({ pipelineId: deal.data?.pipelineId });

  function moveTo(stage: PipelineStage, lostReason?: string) {
    const current = deal.data;
    if (!current) return;
    // The palette stays open until the move is done, so that the result can be told.
    move.mutate(
      { id: current.id, stageId: stage.id, expectedVersion: current.version, lostReason },
      {
        onSuccess: (moved) => toast.success(`${moved.title} moved to ${stage.name}`),
        onSettled: onDone,
      },
    );
  }

  if (lostStage) {
    return (
      <CommandGroup heading="Why was it lost? Type the reason, or leave it empty">
        <CommandItem
          value={`lose-${lostStage.id}`}
          disabled={move.isPending}
          onSelect={() => moveTo(lostStage, reason)}
        >
          <XCircleIcon aria-hidden="true" />
          <span className="truncate">
            {reason.trim()
              ? `Move to ${lostStage.name}: “${reason.trim()}”`
              : `Move to ${lostStage.name}`}
          </span>
        </CommandItem>
      </CommandGroup>
    );
  }
  const stages = (pipeline.data?.stages ?? []).filter((stage) =>
    stage.name.toLowerCase().includes(needle),
  );
  return (
    <CommandGroup heading={deal.data ? `Move “${deal.data.title}” to` : 'Stages'}>
      {stages.map((stage) => {
        const Icon = STAGE_ICONS[stage.kind];
        const current = stage.id === deal.data?.stageId;
        return (
          <CommandItem
            key={stage.id}
            value={`stage-${stage.id}`}
            disabled={current || move.isPending}
            onSelect={() => (stage.kind === 'lost' ? onLosing(stage) : moveTo(stage))}
          >
            <Icon aria-hidden="true" />
            <span className="truncate">{stage.name}</span>
            {current ? (
              <span className="ml-auto text-xs text-muted-foreground">Now here</span>
            ) : null}
          </CommandItem>
        );
      })}
    </CommandGroup>
  );
}

/** The member's other organizations, to work in one of them (as the organization menu does). */
export function OrganizationChoices({ needle, onDone }: { needle: string; onDone: () => void }) {
  const organizations = api.organizations.mine.useQuery();
  const switchTo = useSwitchOrganization();
  const others = (organizations.data ?? []).filter(
    (organization) => !organization.active && organization.name.toLowerCase().includes(needle),
  );
  return (
    <CommandGroup heading="Switch to">
      {others.map((organization) => (
        <CommandItem
          key={organization.id}
          value={`organization-${organization.id}`}
          disabled={switchTo.isPending}
          onSelect={() => {
            onDone();
            switchTo.mutate({ organizationId: organization.id });
          }}
        >
          <Building2Icon aria-hidden="true" />
          <span className="truncate">{organization.name}</span>
          <span className="ml-auto text-xs text-muted-foreground">{organization.role}</span>
        </CommandItem>
      ))}
    </CommandGroup>
  );
}
