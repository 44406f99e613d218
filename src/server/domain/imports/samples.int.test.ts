import { describe, expect, it } from 'vitest';
import { SAMPLE_CSV } from '@/features/import/samples';
import { IMPORT_KINDS } from '@/schemas/imports';
import { codeOf } from '@/test/error-codes';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { setupTestServices, testLogger } from '@/test/services';
import { runImport, type ImportJob } from './run-import';

const { services } = setupTestServices();

const runQueuedImports = () =>
  services().jobs.drain('import', (data) =>
    runImport({ db: services().db, jobs: services().jobs, logger: testLogger }, data as ImportJob),
  );

describe('sample CSV files', () => {
  it.each(IMPORT_KINDS)(
    'the %s sample has every column recognised and imports every row without error',
    async (kind) => {
      const api = ownerCaller(services(), await createTestOrganization(services().db));
      const { filename, csv } = SAMPLE_CSV[kind];
      const preview = await api.imports.preview({ kind, csv });
      expect(Object.keys(preview.suggestedMapping)).toEqual(preview.headers);

      const checked = await api.imports.check({ kind, csv, mapping: preview.suggestedMapping });
      expect(checked.rows.flatMap((row) => row.problems)).toEqual([]);

      const started = await api.imports.start({
        kind,
        filename,
        csv,
        mapping: preview.suggestedMapping,
      });
      await runQueuedImports();
      const done = await api.imports.get({ id: started.id });
      expect(done).toMatchObject({
        status: 'completed',
        errorCount: 0,
        createdCount: preview.rowCount,
        errors: [],
      });
    },
  );
});

describe('checking rows before an import', () => {
  it('finds each problem in words, in the column it is in, ignoring blank lines', async () => {
    const api = ownerCaller(services(), await createTestOrganization(services().db));
    const checked = await api.imports.check({
      kind: 'customers',
      csv: [
        'Email,First name,Status',
        'ada@example.com,Ada,active',
        '',
        ',,',
        'grace@example,Grace,active',
        'linus@example.com,Linus,unknown',
      ].join('\n'),
      mapping: { Email: 'email', 'First name': 'firstName', Status: 'status' },
    });
    expect(checked.headers).toEqual(['Email', 'First name', 'Status']);
    expect(checked.rows.map((row) => [row.line, row.problems])).toEqual([
      [2, []],
      [5, [{ field: 'email', column: 'Email', message: 'E-mail is not an e-mail address' }]],
      [
        6,
        [
          {
            field: 'status',
            column: 'Status',
            message: 'Status must be one of lead, active, inactive, churned',
          },
        ],
      ],
    ]);

    const fixed = await api.imports.check({
      kind: 'customers',
      rows: [
        {
          line: 6,
          values: { Email: 'linus@example.com', 'First name': 'Linus', Status: 'Active' },
        },
      ],
      mapping: { Email: 'email', 'First name': 'firstName', Status: 'status' },
    });
    expect(fixed.rows).toEqual([expect.objectContaining({ line: 6, problems: [] })]);
  });

  it('finds what a deal names that the organization does not have, without writing anything', async () => {
    const api = ownerCaller(services(), await createTestOrganization(services().db));
    const checked = await api.imports.check({
      kind: 'deals',
      csv: ['Title,Stage,Owner', 'Pilot,Signed,', 'Renewal,Proposal,nobody@example.com'].join('\n'),
      mapping: { Title: 'title', Stage: 'stage', Owner: 'owner' },
    });
    expect(checked.rows.map((row) => row.problems)).toEqual([
      [
        {
          field: 'stage',
          column: 'Stage',
          message: 'Stage is not a stage of the pipeline “Sales”',
        },
      ],
      [
        {
          field: 'owner',
          column: 'Owner',
          message: 'Owner e-mail is not a member of this organization',
        },
      ],
    ]);
    expect((await api.deals.list({})).items).toEqual([]);
  });

  it('refuses a mapping to fields of another kind, both a file and rows, and a line twice', async () => {
    const api = ownerCaller(services(), await createTestOrganization(services().db));
    const csv = ['Name,Email', 'Ada,ada@example.com'].join('\n');
    // A deal's stage is not a customer's field.
    expect(
      await codeOf(
        api.imports.check({
          kind: 'customers',
          csv,
          mapping: { Name: 'firstName', Email: 'stage' },
        }),
      ),
    ).toBe('BAD_REQUEST');
    const row = { line: 2, values: { Name: 'Ada', Email: 'ada@example.com' } };
    const mapping = { Name: 'firstName', Email: 'email' };
    expect(await codeOf(api.imports.check({ kind: 'customers', csv, rows: [row], mapping }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(api.imports.check({ kind: 'customers', mapping }))).toBe('BAD_REQUEST');
    expect(await codeOf(api.imports.check({ kind: 'customers', rows: [row, row], mapping }))).toBe(
      'BAD_REQUEST',
    );
    // The same rows, each once, are checked.
    const checked = await api.imports.check({ kind: 'customers', rows: [row], mapping });
    expect(checked.rows).toEqual([expect.objectContaining({ line: 2, problems: [] })]);
  });
});
