import { describe, expect, it } from 'vitest';
import type { DealBoard } from '@/schemas/deals';
import { boardAnnouncements } from './board-announcements';

const stages = [
  { id: 'lead', name: 'Lead in', kind: 'open' },
  { id: 'won', name: 'Won', kind: 'won' },
  { id: 'lost', name: 'Lost', kind: 'lost' },
] as unknown as DealBoard['stages'];
const active = { id: 'd1', data: { current: { deal: { title: 'Pilot', stageId: 'lead' } } } };
const over = (id: string) => ({ id, data: { current: {} } });
// dnd-kit's events carry rects and more; the announcements read only these fields.
const event = (target: ReturnType<typeof over> | null) => ({ active, over: target }) as never;

describe('boardAnnouncements', () => {
  it('says where a card was picked up, each new stage it is over once, and where it ends', () => {
    const say = boardAnnouncements(stages);
    expect(say.onDragStart(event(null))).toBe(
      'Picked up Pilot, in Lead in. Use the left and right arrow keys to choose a stage.',
    );
    expect(say.onDragOver!(event(over('lead')))).toBeUndefined();
    expect(say.onDragOver!(event(over('won')))).toBe('Pilot is over Won.');
    expect(say.onDragOver!(event(over('won')))).toBeUndefined();
    expect(say.onDragOver!(event(null))).toBe('Pilot is not over a stage.');
    expect(say.onDragEnd(event(over('won')))).toBe('Pilot was moved from Lead in to Won.');
    expect(say.onDragEnd(event(over('lost')))).toBe(
      'Pilot was dropped on Lost; say why it was lost to finish the move.',
    );
    expect(say.onDragEnd(event(over('lead')))).toBe('Pilot was dropped and stays in Lead in.');
    expect(say.onDragCancel(event(null))).toBe('Moving was cancelled. Pilot stays in Lead in.');
  });
});
