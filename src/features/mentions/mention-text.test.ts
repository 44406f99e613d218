import { describe, expect, it } from 'vitest';
import {
  filterMembers,
  insertMention,
  mentionMembers,
  mentionQueryAt,
  toReadable,
  toStored,
} from './mention-text';

const ANA = '11111111-1111-4111-8111-111111111111';
const ANA_LIMA = '22222222-2222-4222-8222-222222222222';
const BRUNO = '33333333-3333-4333-8333-333333333333';
const BRUNO_TOO = '44444444-4444-4444-8444-444444444444';
const GONE = '55555555-5555-4555-8555-555555555555';

const members = mentionMembers([
  { userId: ANA, name: 'Ana', email: 'ana@example.com' },
  { userId: ANA_LIMA, name: 'Ana Lima', email: 'lima@example.com' },
  { userId: BRUNO, name: 'Bruno Sá', email: 'bruno@example.com' },
  { userId: BRUNO_TOO, name: 'Bruno Sá', email: 'bs@example.org' },
]);

describe('mentionMembers', () => {
  it('labels a member by name, and by name and e-mail when the name is shared', () => {
    expect(members.map((member) => member.label)).toEqual([
      'Ana',
      'Ana Lima',
      'Bruno Sá (bruno@example.com)',
      'Bruno Sá (bs@example.org)',
    ]);
  });
});

describe('toReadable and toStored', () => {
  it('shows references as names and stores names as references', () => {
    const stored = `Ask <@${ANA_LIMA}> and <@${ANA}>, then <@${BRUNO_TOO}>.`;
    const readable = 'Ask @Ana Lima and @Ana, then @Bruno Sá (bs@example.org).';
    expect(toReadable(stored, members)).toBe(readable);
    expect(toStored(readable, members)).toBe(stored);
  });

  it('round-trips stored text, leaving references to former members alone', () => {
    const stored = `<@${GONE}> handed over to <@${ANA}>\n<@${ANA_LIMA}>`;
    expect(toReadable(stored, members)).toBe(`<@${GONE}> handed over to @Ana\n@Ana Lima`);
    expect(toStored(toReadable(stored, members), members)).toBe(stored);
  });

  it('reads references whatever the case of their id', () => {
    expect(toReadable(`<@${ANA.toUpperCase()}>`, members)).toBe('@Ana');
  });

  it('does not take a longer word for a name', () => {
    expect(toStored('@Anastasia and @Ana_x and @Ana2', members)).toBe(
      '@Anastasia and @Ana_x and @Ana2',
    );
    expect(toStored('@Ana Limas', members)).toBe(`<@${ANA}> Limas`);
  });

  it('leaves text alone without members', () => {
    expect(toStored('@Ana', [])).toBe('@Ana');
  });
});

describe('mentionQueryAt', () => {
  it('finds the name typed after an @ up to the caret', () => {
    expect(mentionQueryAt('Call @an', 8)).toEqual({ start: 5, query: 'an' });
    expect(mentionQueryAt('@Ana L', 6)).toEqual({ start: 0, query: 'Ana L' });
    expect(mentionQueryAt('(@bru) later', 5)).toEqual({ start: 1, query: 'bru' });
  });

  it('looks only before the caret', () => {
    expect(mentionQueryAt('Call @ana today', 9)).toEqual({ start: 5, query: 'ana' });
    expect(mentionQueryAt('Call @ana today', 4)).toBeNull();
  });

  it('needs a letter or digit after the @', () => {
    expect(mentionQueryAt('Call @', 6)).toBeNull();
    expect(mentionQueryAt('Call @ ana', 10)).toBeNull();
  });

  it('ignores e-mail addresses, other lines and long runs of text', () => {
    expect(mentionQueryAt('mail ana@example', 16)).toBeNull();
    expect(mentionQueryAt('@ana\nnext', 9)).toBeNull();
    const long = `@ana ${'x'.repeat(40)}`;
    expect(mentionQueryAt(long, long.length)).toBeNull();
  });
});

describe('filterMembers', () => {
  it('matches name or e-mail ignoring case, word starts first', () => {
    expect(filterMembers(members, 'LIMA').map((member) => member.id)).toEqual([ANA_LIMA]);
    expect(filterMembers(members, 'sá').map((member) => member.id)).toEqual([BRUNO, BRUNO_TOO]);
    expect(filterMembers(members, 'example.org').map((member) => member.id)).toEqual([BRUNO_TOO]);
    expect(filterMembers(members, 'a').map((member) => member.id)).toEqual([
      ANA,
      ANA_LIMA,
      BRUNO,
      BRUNO_TOO,
    ]);
    expect(filterMembers(members, 'bruno@').map((member) => member.id)).toEqual([BRUNO]);
    expect(filterMembers(members, 'zed')).toEqual([]);
  });

  it('puts members whose name starts with the query before other matches', () => {
    const some = mentionMembers([
      { userId: ANA, name: 'Rosa Lee', email: 'r@example.com' },
      { userId: BRUNO, name: 'Leo Park', email: 'leo@example.com' },
    ]);
    expect(filterMembers(some, 'le').map((member) => member.id)).toEqual([ANA, BRUNO]);
    expect(filterMembers(some, 'leo').map((member) => member.id)).toEqual([BRUNO]);
    expect(filterMembers(some, 'ee').map((member) => member.id)).toEqual([ANA]);
  });
});

describe('insertMention', () => {
  it('replaces the typed name with the label and a space, and puts the caret after', () => {
    const text = 'Ask @an about it';
    const at = mentionQueryAt(text, 7)!;
    expect(insertMention(text, at, members[1]!)).toEqual({
      text: 'Ask @Ana Lima  about it',
      caret: 14,
    });
  });
});
