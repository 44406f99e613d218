import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@/server/observability/logger';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import {
  callerAs,
  createTestOrganization,
  userPrincipal,
  type TestOrganization,
} from '@/test/factories';
import { setupOwnerDatabase } from '@/test/database';
import { setupTestServices } from '@/test/services';

const { connection, services } = setupTestServices();
// Constraints are the tables' owner's to add, on PostgreSQL the migration login's.
const owner = setupOwnerDatabase(connection);
let server: TestApiServer;
let org: TestOrganization;
let key: string;
let logger: Logger;
const logged: string[] = [];

beforeAll(async () => {
  const buffer = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  logger = createLogger({ level: 'info', destination: buffer });
  server = await startApiServer(connection(), services(), { logger });
  org = await createTestOrganization(connection().db, 'Log Org');
  key = (await createTestApiKey(connection().db, org.id, 'admin')).key;
});
afterAll(() => server.close());

/**
 * Makes inserts of rows with this marker fail, as a real statement does, with PostgreSQL's own
 * error (a check violation, SQLSTATE 23514) whose detail quotes the whole row.
 */
async function refuseRowsMarked(table: string, column: string, marker: string) {
  const constraint = `log_probe_${randomUUID().slice(0, 8)}`;
  await owner().execute(
    sql.raw(
      `alter table ${table} add constraint ${constraint} check (${column} <> '${marker}') not valid`,
    ),
  );
  return {
    constraint,
    drop: () => owner().execute(sql.raw(`alter table ${table} drop constraint ${constraint}`)),
  };
}

/** The log lines of one request (pino writes each line synchronously to the buffer). */
function linesOf(requestId: string) {
  return logged
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('error logs', () => {
  it('keep the statement, SQLSTATE and request id of a failed query, never its values (REST)', async () => {
    const marker = `Marker-${randomUUID()}`;
    const email = `ada-${randomUUID().slice(0, 8)}@example.test`;
    const lastName = `Lovelace-${randomUUID().slice(0, 8)}`;
    const probe = await refuseRowsMarked('customers', 'first_name', marker);
    try {
      const res = await fetch(`${server.url}/api/v1/customers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: marker, lastName, email, phone: '+44 20 7946 0001' }),
      });
      expect(res.status).toBe(500);
      const requestId = res.headers.get('x-request-id')!;
      const failure = linesOf(requestId).find((line) => line.msg === 'procedure failed');
      expect(failure).toBeDefined();
      const text = JSON.stringify(failure);
      expect(text).toMatch(/insert into \\"customers\\"/i);
      expect(text).toContain('"23514"');
      expect(text).toContain(probe.constraint);
      expect(failure!.requestId).toBe(requestId);

      const everything = logged.join('');
      for (const value of [marker, email, lastName, '7946 0001']) {
        expect(everything).not.toContain(value);
      }
    } finally {
      await probe.drop();
    }
  });

  it('never hold a stored secret or the request body of a failed query (tRPC)', async () => {
    const marker = `Marker-${randomUUID()}`;
    const url = `https://hooks.example.com/${randomUUID()}`;
    const probe = await refuseRowsMarked('webhook_endpoints', 'description', marker);
    try {
      const res = await fetch(`${server.url}/api/trpc/webhooks.create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          json: { url, description: marker, eventTypes: ['customer.created'] },
        }),
      });
      expect(res.status).toBe(500);
      const requestId = res.headers.get('x-request-id')!;
      const failure = linesOf(requestId).find((line) => line.msg === 'procedure failed');
      const text = JSON.stringify(failure);
      expect(text).toMatch(/insert into \\"webhook_endpoints\\"/i);
      expect(text).toContain('"23514"');

      const everything = logged.join('');
      expect(everything).not.toContain(marker);
      expect(everything).not.toContain(url);
      // A sealed secret: v1.<iv>.<ciphertext>.<tag>, base64url.
      expect(everything).not.toMatch(/v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}/);
    } finally {
      await probe.drop();
    }
  });

  it('never hand a page render an error that holds the values (the server-side caller)', async () => {
    const marker = `Marker-${randomUUID()}`;
    const email = `grace-${randomUUID().slice(0, 8)}@example.test`;
    const probe = await refuseRowsMarked('customers', 'first_name', marker);
    try {
      const caller = callerAs(services(), userPrincipal(org, { id: org.ownerId }, 'owner'), {
        services: { ...services(), logger },
      });
      const error = await caller.customers
        .create({ firstName: marker, email })
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('INTERNAL_SERVER_ERROR');
      // What Next.js prints of an error thrown while rendering.
      const printed = inspect(error, { depth: 10, showHidden: true });
      expect(printed).not.toContain(marker);
      expect(printed).not.toContain(email);

      const failure = logged
        .flatMap((chunk) => chunk.split('\n'))
        .find((line) => line.includes('"path":"customers.create"') && line.includes('23514'));
      expect(failure).toBeDefined();
      expect(logged.join('')).not.toContain(marker);
    } finally {
      await probe.drop();
    }
  });
});
