import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logError } from './log-error';

/** A server error as postgres.js makes it: the values ride along as `parameters` and `detail`. */
function postgresError(fields: Record<string, unknown>) {
  const error = Object.assign(new Error(String(fields.message)), fields);
  error.name = 'PostgresError';
  Object.defineProperty(error, 'parameters', { value: ['ada@example.test'], enumerable: false });
  return error;
}

describe('logError', () => {
  it('keeps the statement, SQLSTATE and names of a failed query, none of its values', () => {
    const statement = 'insert into "customers" ("email") values ($1)';
    const cause = postgresError({
      message: 'duplicate key value violates unique constraint "customers_email_unique"',
      code: '23505',
      detail: 'Key (email)=(ada@example.test) already exists.',
      constraint_name: 'customers_email_unique',
      table_name: 'customers',
      query: statement,
    });
    const error = new DrizzleQueryError(statement, ['ada@example.test'], cause);
    const logged = logError(error);
    expect(JSON.stringify(logged)).not.toContain('ada@example.test');
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query',
      statement,
      cause: {
        type: 'PostgresError',
        code: '23505',
        constraint: 'customers_email_unique',
        table: 'customers',
      },
    });
    expect((logged as { stack: string }).stack).toMatch(
      /^DrizzleQueryError: Failed query\n {4}at /,
    );
  });

  it('keeps the message of a data exception without the value it quotes', () => {
    const quoted = postgresError({
      message: 'invalid input syntax for type uuid: "ada@example.test"',
      code: '22P02',
    });
    expect(logError(quoted)).toMatchObject({
      message: 'invalid input syntax for type uuid: "…"',
    });
    const bytes = postgresError({
      message: 'invalid byte sequence for encoding "UTF8": 0xe9 0x20 0x41',
      code: '22021',
    });
    expect(logError(bytes)).toMatchObject({
      message: 'invalid byte sequence for encoding "…": 0x…',
    });
  });

  it('keeps the type of a wrong argument to Node.js, not the argument', () => {
    const error = Object.assign(
      new TypeError(
        'The "string" argument must be of type string. Received type number (4111111111111111)',
      ),
      { code: 'ERR_INVALID_ARG_TYPE' },
    );
    expect(logError(error)).toMatchObject({
      message: 'The "string" argument must be of type string. Received type number',
    });
  });

  it('logs what is thrown but is not an error without its contents', () => {
    expect(logError({ password: 'hunter2' })).toEqual({
      type: 'thrown value',
      message: '[object Object]',
    });
  });
});
