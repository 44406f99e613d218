'use client';

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import Link from 'next/link';
import { useId, useMemo, useRef, useState } from 'react';
import { cn } from '@/lib/utils';
import type { Deal, DealBoard as Board } from '@/schemas/deals';
import { DealCard, DealCardPreview } from './deal-card';
import { formatSums } from './deal-money';
import { LostReasonDialog } from './lost-reason-dialog';
import { useMemberNames } from './use-member-names';
import { useMoveDeal, type BoardInput } from './use-move-deal';

type Stage = Board['stages'][number];

const INSTRUCTIONS =
  'To move a deal to another stage, press Space to pick it up, the left and right arrow keys ' +
  'to choose the stage, and Space again to drop it there. Escape cancels the move.';

/** A pointer drops where it is; the keyboard (no pointer) onto the column the card is over. */
const collisions: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);

/**
 * The arrow keys move a lifted card a whole column left or right: to the middle of the next
 * column (columns in the order they are on screen), at the height it is. Up and down do
 * nothing (nor scroll the page).
 */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.code)) return;
  event.preventDefault();
  const by = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const card = context.collisionRect;
  if (by === 0 || !card) return;
  const columns = [...context.droppableRects.entries()].sort(([, a], [, b]) => a.left - b.left);
  const activeDeal = context.active?.data.current?.deal as Deal | undefined;
  const current = context.over?.id ?? activeDeal?.stageId;
  const index = columns.findIndex(([id]) => id === current);
  const target = index === -1 ? undefined : columns[index + by]?.[1];
  if (!target) return;
  return { x: target.left + (target.width - card.width) / 2, y: currentCoordinates.y };
};

/**
 * The deals of a pipeline as columns, one per stage, headed by its count and weighted value.
 * Cards move between columns by drag and drop or from the keyboard, announced to screen
 * readers; the board changes at once and goes back if the server refuses the move.
 */
export function DealBoard({
  board,
  input,
  canMove,
}: {
  board: Board;
  /** The board query's input, whose cached answer a move changes. */
  input: BoardInput;
  canMove: boolean;
}) {
  const names = useMemberNames();
  const move = useMoveDeal(input);
  const [dragged, setDragged] = useState<Deal | null>(null);
  const [losing, setLosing] = useState<{ deal: Deal; stage: Stage } | null>(null);
  /** The stage last announced as under the lifted card. */
  const lastOver = useRef<string | null>(null);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A finger holds the card a moment first, so swiping still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  const stageName = useMemo(() => {
    const byId = new Map(board.stages.map((stage) => [stage.id, stage.name]));
    return (id: unknown) => byId.get(String(id)) ?? 'an unknown stage';
  }, [board.stages]);

  const dealOf = (active: { data: { current?: Record<string, unknown> } }) =>
    active.data.current?.deal as Deal | undefined;

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const deal = dealOf(active);
      lastOver.current = deal?.stageId ?? null;
      return deal
        ? `Picked up ${deal.title}, in ${stageName(deal.stageId)}. Use the left and right arrow keys to choose a stage.`
        : undefined;
    },
    onDragOver: ({ active, over }) => {
      const deal = dealOf(active);
      // The card starts over its own stage: that was said when it was picked up.
      const overId = over ? String(over.id) : null;
      if (!deal || overId === lastOver.current) return undefined;
      lastOver.current = overId;
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
      const target = board.stages.find((stage) => stage.id === over.id);
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

  function moveTo(deal: Deal, stage: Stage, lostReason?: string | null) {
    move.mutate({
      id: deal.id,
      stageId: stage.id,
      expectedVersion: deal.version,
      ...(lostReason !== undefined ? { lostReason } : {}),
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragged(null);
    const deal = dealOf(active);
    const stage = board.stages.find((item) => item.id === over?.id);
    if (!deal || !stage || stage.id === deal.stageId) return;
    if (stage.kind === 'lost') setLosing({ deal, stage });
    else moveTo(deal, stage);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      onDragStart={({ active }: DragStartEvent) => setDragged(dealOf(active) ?? null)}
      onDragCancel={() => setDragged(null)}
      onDragEnd={onDragEnd}
    >
      {/*
        min-w-0: the board scrolls sideways inside its frame; the page never widens. relative:
        the frame also holds the visually hidden labels (absolutely placed) of columns beyond it.
      */}
      <div
        role="region"
        aria-label="Board"
        tabIndex={0}
        className="relative min-w-0 overflow-x-auto rounded-lg pb-2 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <div className="flex w-max gap-3">
          {board.stages.map((stage) => (
            <StageColumn key={stage.id} stage={stage} names={names} canMove={canMove} />
          ))}
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged ? <DealCardPreview deal={dragged} names={names} /> : null}
      </DragOverlay>
      <LostReasonDialog
        open={losing !== null}
        onOpenChange={(open) => !open && setLosing(null)}
        dealTitle={losing?.deal.title ?? ''}
        stageName={losing?.stage.name ?? ''}
        onConfirm={(reason) => {
          if (losing) moveTo(losing.deal, losing.stage, reason);
        }}
      />
    </DndContext>
  );
}

function StageColumn({
  stage,
  names,
  canMove,
}: {
  stage: Stage;
  names: ReadonlyMap<string, string>;
  canMove: boolean;
}) {
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const more = stage.count - stage.deals.length;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={cn(
        'flex w-64 shrink-0 flex-col gap-2 rounded-lg border bg-muted/50 p-2 transition-colors',
        isOver && 'border-ring bg-accent',
      )}
    >
      <header className="grid gap-1 px-1 pt-1">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={headingId} className="truncate text-sm font-semibold">
            {stage.name}
          </h2>
          <span className="shrink-0 text-xs text-muted-foreground">{stage.probability}%</span>
        </div>
        <dl className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
          <div className="flex gap-1">
            <dt className="sr-only">Deals</dt>
            <dd>
              {stage.count} {stage.count === 1 ? 'deal' : 'deals'}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Weighted</dt>
            <dd className="tabular-nums">{formatSums(stage.totals, 'weightedAmountCents')}</dd>
          </div>
        </dl>
      </header>
      {stage.deals.length > 0 ? (
        <ul className="grid gap-2" aria-label={`Deals in ${stage.name}`}>
          {stage.deals.map((deal) => (
            <li key={deal.id}>
              <DealCard deal={deal} names={names} canMove={canMove} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed px-2 py-6 text-center text-xs text-muted-foreground">
          No deals
        </p>
      )}
      {more > 0 ? (
        <Link
          href={`/deals?view=list&stage=${stage.id}`}
          className="px-1 text-xs font-medium underline-offset-4 hover:underline"
        >
          {more} more in the list
        </Link>
      ) : null}
    </section>
  );
}
