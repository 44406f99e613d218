import { describe, expect, it } from 'vitest';
import { runImport, type ImportJob } from '@/server/domain/imports/run-import';
import { setupIntegrators } from '@/test/integrator';
import { testLogger } from '@/test/services';

// An integrator sending a CSV file, then following the import it started.
const { services, integrator } = setupIntegrators();

/** Runs the queued imports now, as the worker would. */
const runQueuedImports = () =>
  services().jobs.drain('import', (data) =>
    runImport({ db: services().db, jobs: services().jobs, logger: testLogger }, data as ImportJob),
  );

const CSV = [
  'E-mail,First name,Surname,Status',
  'ada@example.com,Ada,Lovelace,active',
  'grace@example.com,Grace,Hopper,active',
  'not-an-email,Broken,Row,',
  'linus@example.com,Linus,Torvalds,unknown-status',
].join('\n');

const MAPPING = {
  'E-mail': 'email',
  'First name': 'firstName',
  Surname: 'lastName',
  Status: 'status',
};

describe('imports over REST', () => {
  it('queues a CSV, reports its progress, then its created, updated and refused rows', async () => {
    const { call } = await integrator();
    await call('POST', '/customers', { body: { firstName: 'Ada', email: 'ADA@example.com' } });

    const started = await call('POST', '/imports', {
      body: {
        kind: 'customers',
        filename: 'crm.csv',
        csv: CSV,
        mapping: MAPPING,
        duplicates: 'update',
      },
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      kind: 'customers',
      filename: 'crm.csv',
      status: 'queued',
      totalRows: 4,
      processedRows: 0,
    });

    await runQueuedImports();
    const done = await call('GET', `/imports/${started.body.id}`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      totalRows: 4,
      processedRows: 4,
      createdCount: 1,
      updatedCount: 1,
      errorCount: 2,
    });
    expect(done.body.errors).toEqual([
      { line: 4, field: 'email', message: expect.any(String) },
      { line: 5, field: 'status', message: expect.any(String) },
    ]);
    const grace = await call('GET', '/customers?q=grace@example.com');
    expect(grace.body.items).toHaveLength(1);
    const ada = await call('GET', '/customers?q=ada@example.com');
    expect(ada.body.items).toMatchObject([{ lastName: 'Lovelace', status: 'active' }]);
  });

  it('refuses a mapping of columns the file lacks, and another tenant’s import is 404', async () => {
    const { call, keyFor } = await integrator();
    const refused = await call('POST', '/imports', {
      body: { filename: 'crm.csv', csv: CSV, mapping: { Phone: 'phone' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual([
      'mapping',
    ]);

    const started = await call('POST', '/imports', {
      body: { filename: 'crm.csv', csv: CSV, mapping: MAPPING },
    });
    const stranger = await integrator('admin', 'Stranger Org');
    expect((await stranger.call('GET', `/imports/${started.body.id}`)).status).toBe(404);
    const member = await keyFor('member');
    expect(
      (
        await member('POST', '/imports', {
          body: { filename: 'x.csv', csv: CSV, mapping: MAPPING },
        })
      ).status,
    ).toBe(403);
    await runQueuedImports();
  });
});
