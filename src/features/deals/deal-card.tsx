'use client';

import { useDraggable } from '@dnd-kit/core';
import { CalendarIcon, GripVerticalIcon, UserIcon } from 'lucide-react';
import { RecordLink } from '@/components/record-cells';
import { formatMoney } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { Deal } from '@/schemas/deals';
import { formatDay } from './deal-dates';
import { ownerLabel } from './use-member-names';

/** What a card says about its deal: amount, owner and expected close date. */
function DealFacts({ deal, names }: { deal: Deal; names: ReadonlyMap<string, string> }) {
  return (
    <dl className="grid gap-1 text-xs text-muted-foreground">
      <div>
        <dt className="sr-only">Amount</dt>
        <dd className="text-sm font-medium text-foreground tabular-nums">
          {formatMoney(deal.amountCents, deal.currency)}
        </dd>
      </div>
      <div className="flex items-center gap-1">
        <dt>
          <UserIcon aria-hidden="true" className="size-3" />
          <span className="sr-only">Owner</span>
        </dt>
        <dd className="truncate">{ownerLabel(names, deal.ownerId)}</dd>
      </div>
      {deal.expectedCloseDate ? (
        <div className="flex items-center gap-1">
          <dt>
            <CalendarIcon aria-hidden="true" className="size-3" />
            <span className="sr-only">Expected close</span>
          </dt>
          <dd>
            <time dateTime={deal.expectedCloseDate}>{formatDay(deal.expectedCloseDate)}</time>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

const CARD = 'grid gap-2 rounded-lg border bg-card p-3 text-card-foreground shadow-xs';

/**
 * A deal on the board: its title links to the deal. Those who may move it drag the card with a
 * mouse or a finger (held), or focus its handle and use the keyboard.
 */
export function DealCard({
  deal,
  names,
  canMove,
}: {
  deal: Deal;
  names: ReadonlyMap<string, string>;
  canMove: boolean;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: deal.id,
    data: { deal },
    disabled: !canMove,
  });
  // The keyboard starts a move from the handle only; a mouse or finger from anywhere on the card.
  const { onKeyDown, ...pointerListeners } = listeners ?? {};

  return (
    <article
      ref={setNodeRef}
      {...(canMove ? pointerListeners : {})}
      className={cn(CARD, canMove && 'touch-manipulation', isDragging && 'opacity-40')}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="min-w-0 text-sm leading-snug font-medium break-words">
          <RecordLink href={`/deals/${deal.id}`}>{deal.title}</RecordLink>
        </h3>
        {canMove ? (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            onKeyDown={onKeyDown as React.KeyboardEventHandler | undefined}
            aria-label={`Move ${deal.title}`}
            className="-m-1 shrink-0 cursor-grab rounded p-1 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <GripVerticalIcon aria-hidden="true" className="size-4" />
          </button>
        ) : null}
      </div>
      <DealFacts deal={deal} names={names} />
    </article>
  );
}

/** The card that follows the pointer while a deal is dragged: a picture, nothing to operate. */
export function DealCardPreview({
  deal,
  names,
}: {
  deal: Deal;
  names: ReadonlyMap<string, string>;
}) {
  return (
    <div className={cn(CARD, 'w-64 cursor-grabbing shadow-lg ring-2 ring-ring/50')}>
      <p className="text-sm leading-snug font-medium break-words">{deal.title}</p>
      <DealFacts deal={deal} names={names} />
    </div>
  );
}
