import { describe, expect, it } from 'vitest';
import { mentionedIds, mentionOf } from './mentions';

const ANA = '3f6c2a1e-8d4b-4c2f-9a7e-1b5d0c9e8f21';
const BEN = 'c4a1e7d2-5b3f-4e8a-9d6c-0f2b4a6c8e1d';

describe('mentions', () => {
  it('finds each member mentioned once, in order, in any of the texts', () => {
    expect(
      mentionedIds(
        `Ask ${mentionOf(BEN)} and ${mentionOf(ANA)}`,
        `${mentionOf(BEN.toUpperCase())}`,
      ),
    ).toEqual([BEN, ANA]);
  });

  it('ignores what only looks like a mention', () => {
    expect(mentionedIds('mail <@ben> or @ana', null, undefined, `<@${ANA.slice(1)}>`)).toEqual([]);
  });
});
