import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-file';
import {
  fileToImport,
  rejectedRows,
  rejectedRowsCsv,
  reviewCounts,
  reviewRowsOf,
  rowsRejectedByImport,
  SKIPPED_REASON,
} from './review-rows';

const headers = ['Email', 'First name', 'Status'];
const statusProblem = {
  field: 'status',
  column: 'Status',
  message: 'Status must be one of lead, active, inactive, churned',
};
const emailProblem = {
  field: 'email',
  column: 'Email',
  message: 'E-mail is not an e-mail address',
};

function rows() {
  return reviewRowsOf([
    {
      line: 2,
      values: { Email: 'ada@example.com', 'First name': 'Ada', Status: 'active' },
      problems: [],
    },
    {
      line: 4,
      values: { Email: 'grace@example', 'First name': 'Grace', Status: 'active' },
      problems: [emailProblem],
    },
    {
      line: 5,
      values: { Email: 'linus@example.com', 'First name': 'Linus', Status: 'gone' },
      problems: [statusProblem],
    },
    {
      line: 6,
      values: { Email: 'hedy@example.com', 'First name': '=Hedy, "the" inventor', Status: 'lead' },
      problems: [],
    },
  ]);
}

describe('rows under review', () => {
  it('counts rows ready, skipped and with problems', () => {
    const review = rows();
    expect(review.map((row) => row.flagged)).toEqual([false, true, true, false]);
    review[1]!.skipped = true;
    expect(reviewCounts(review)).toEqual({ ok: 2, skipped: 1, invalid: 1 });
  });

  it('lists skipped rows and rows with problems, with why, as a CSV with an Error column', () => {
    const review = rows();
    review[1]!.skipped = true;
    const rejected = rejectedRows(review);
    expect(rejected.map((row) => [row.line, row.error])).toEqual([
      [4, SKIPPED_REASON],
      [5, statusProblem.message],
    ]);
    expect(rejectedRowsCsv(headers, rejected)).toBe(
      [
        'Email,First name,Status,Error',
        `grace@example,Grace,active,${SKIPPED_REASON}`,
        `linus@example.com,Linus,gone,"${statusProblem.message}"`,
        '',
      ].join('\n'),
    );
  });

  it('sends only the ready rows, with corrections, and knows which line each became', () => {
    const review = rows();
    review[2]!.values.Status = 'inactive';
    review[2]!.problems = [];
    review[3]!.values['First name'] = 'Hedy\nLamarr';
    const { csv, rowAtLine } = fileToImport(headers, review);
    expect(csv).toBe(
      toCsv([
        headers,
        ['ada@example.com', 'Ada', 'active'],
        ['linus@example.com', 'Linus', 'inactive'],
        ['hedy@example.com', 'Hedy\nLamarr', 'lead'],
      ]),
    );
    expect(csv).toContain('"Hedy\nLamarr"');
    expect([...rowAtLine].map(([line, row]) => [line, row.line])).toEqual([
      [2, 2],
      [3, 5],
      [5, 6],
    ]);
    expect(
      rowsRejectedByImport(
        [
          { line: 3, message: 'Company is too long' },
          { line: 3, message: 'Tags can have at most 20' },
        ],
        rowAtLine,
      ),
    ).toEqual([
      {
        line: 5,
        values: review[2]!.values,
        error: 'Company is too long; Tags can have at most 20',
      },
    ]);
  });

  it('keeps spreadsheet formulas as text in downloads only', () => {
    expect(toCsv([['=1+1', 'a,b']], true)).toBe(`'=1+1,"a,b"\n`);
    expect(toCsv([['=1+1', ' padded ']])).toBe(`=1+1," padded "\n`);
  });
});
