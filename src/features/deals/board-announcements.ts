import type { Announcements } from '@dnd-kit/core';
import type { Deal, DealBoard } from '@/schemas/deals';

type Stage = DealBoard['stages'][number];

/** The deal a dragged card carries. */
export const dealOf = (active: { data: { current?: Record<string, unknown> } }) =>
  active.data.current?.deal as Deal | undefined;

/**
 * What screen readers hear while a card moves across the board: where it was picked up, each
 * stage it passes over (once), and where it ended.
 */
export function boardAnnouncements(stages: readonly Stage[]): Announcements {
  const byId = new Map(stages.map((stage) => [stage.id, stage.name]));
  const stageName = (id: unknown) => byId.get(String(id)) ?? 'an unknown stage';
  /** The stage last announced as under the lifted card. */
  let lastOver: string | null = null;

  return {
    onDragStart: ({ active }) => {
      const deal = dealOf(active);
      lastOver = deal?.stageId ?? null;
      return deal
        ? `Picked up ${deal.title}, in ${stageName(deal.stageId)}. Use the left and right arrow keys to choose a stage.`
        : undefined;
    },
    onDragOver: ({ active, over }) => {
      const deal = dealOf(active);
      // The card starts over its own stage: that was said when it was picked up.
      const overId = over ? String(over.id) : null;
      if (!deal || overId === lastOver) return undefined;
      lastOver = overId;
      return overId
        ? `${deal.title} is over ${stageName(overId)}.`
        : `${deal.title} is not over a stage.`;
    },
    onDragEnd: ({ active, over }) => {
      const deal = dealOf(active);
      if (!deal) return undefined;
      if (!over || over.id === deal.stageId) {
        return `${deal.title} was dropped and stays in ${stageName(deal.stageId)}.`;
      }
      const target = stages.find((stage) => stage.id === over.id);
      return target?.kind === 'lost'
        ? `${deal.title} was dropped on ${target.name}; say why it was lost to finish the move.`
        : `${deal.title} was moved from ${stageName(deal.stageId)} to ${stageName(over.id)}.`;
    },
    onDragCancel: ({ active }) => {
      const deal = dealOf(active);
      return deal
        ? `Moving was cancelled. ${deal.title} stays in ${stageName(deal.stageId)}.`
        : undefined;
    },
  };
}
