import { describe, expect, it } from 'vitest';
import { addTags, joinTags, splitTags, suggestTags } from './tag-entry';

describe('splitTags and joinTags', () => {
  it('reads a one-line list without blanks or repeats', () => {
    expect(splitTags(' vip, eu ,, vip ,')).toEqual(['vip', 'eu']);
    expect(splitTags('')).toEqual([]);
  });

  it('writes the list back as the form holds it', () => {
    expect(joinTags(['vip', 'eu'])).toBe('vip, eu');
    expect(splitTags(joinTags(['vip', 'eu']))).toEqual(['vip', 'eu']);
  });
});

describe('addTags', () => {
  it('adds one typed tag, trimmed', () => {
    expect(addTags(['vip'], '  eu ')).toEqual(['vip', 'eu']);
  });

  it('adds several tags typed or pasted with commas', () => {
    expect(addTags([], 'partner, eu,newsletter')).toEqual(['partner', 'eu', 'newsletter']);
  });

  it('does not add a tag twice or add blanks', () => {
    expect(addTags(['vip'], 'vip, , ')).toEqual(['vip']);
  });

  it('keeps the spelling of a tag already in use', () => {
    expect(addTags([], 'VIP', ['vip', 'eu'])).toEqual(['vip']);
    expect(addTags(['vip'], 'Vip', ['vip'])).toEqual(['vip']);
  });

  it('stops at the most tags allowed', () => {
    expect(addTags(['a', 'b'], 'c, d', [], 3)).toEqual(['a', 'b', 'c']);
  });
});

describe('suggestTags', () => {
  const known = ['vip', 'newsletter', 'eu', 'prevention', 'partner'];

  it('suggests the most used tags not chosen yet before anything is typed', () => {
    expect(suggestTags(known, ['vip'], '', 3)).toEqual(['newsletter', 'eu', 'prevention']);
  });

  it('puts tags that start with the text before those that only contain it', () => {
    expect(suggestTags(known, [], 'PRE')).toEqual(['prevention']);
    expect(suggestTags(known, [], 'e')).toEqual(['eu', 'newsletter', 'prevention', 'partner']);
  });

  it('suggests nothing when nothing matches', () => {
    expect(suggestTags(known, [], 'zzz')).toEqual([]);
  });
});
