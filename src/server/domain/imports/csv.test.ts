import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '@/lib/formula-cells';
import { csvLine, parseCsv } from './csv';

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    for (const start of ['+', '-', '@', '\t', '\r'])
      expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`);
    expect(neutraliseFormula('Ada Lovelace')).toBe('Ada Lovelace');
    expect(csvLine(['a,b', 'say "hi"', null, '=1+1'])).toBe(`"a,b","say ""hi""",,'=1+1\n`);
  });

  it('parses headers and rows with their line numbers, a BOM, quotes and CRLF', () => {
    const parsed = parseCsv(
      '\uFEFFEmail,First name\r\nada@example.com,"Ada, Countess"\r\n\r\nbob@example.com\r\n',
    );
    expect(parsed.headers).toEqual(['Email', 'First name']);
    expect(parsed.rows).toEqual([
      { line: 2, values: { Email: 'ada@example.com', 'First name': 'Ada, Countess' } },
      { line: 4, values: { Email: 'bob@example.com', 'First name': '' } },
    ]);
  });

  it('ignores blank lines, including rows of only separators and spaces', () => {
    const parsed = parseCsv(
      'Email,First name\n\nada@example.com,Ada\n,\n  ,  \n   \nbob@example.com,Bob\n\n',
    );
    expect(parsed.rows).toEqual([
      { line: 3, values: { Email: 'ada@example.com', 'First name': 'Ada' } },
      { line: 7, values: { Email: 'bob@example.com', 'First name': 'Bob' } },
    ]);
  });
});
