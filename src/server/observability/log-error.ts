import { DrizzleQueryError } from 'drizzle-orm';

/** An error as the logs show it. */
export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  /** SQLSTATE of a database error, or a Node.js/driver code (ECONNREFUSED, CONNECT_TIMEOUT…). */
  code?: string;
  /** The statement that failed, as sent: placeholders ($1, $2…), never the values. */
  statement?: string;
  constraint?: string;
  table?: string;
  column?: string;
  syscall?: string;
  address?: string;
  port?: number;
  cause?: LoggedError;
  errors?: LoggedError[];
}

const MAX_CAUSES = 5;

/**
 * The pino serializer of `err`. Errors are logged by an allow-list of fields, because drivers
 * hang the data of a failed query on their errors: Drizzle writes the parameters into its
 * message, postgres.js keeps them as `parameters`, PGlite as `params`, and PostgreSQL's
 * `detail` quotes the row ("Key (email)=(…) already exists", "Failing row contains (…)").
 * Those are customers' personal data and stored secrets. What is kept: the statement text, the
 * SQLSTATE and the names of the constraint, table and column.
 */
export function logError(value: unknown): unknown {
  return logged(value, 0, undefined);
}

function logged(value: unknown, depth: number, parentStatement: string | undefined): unknown {
  if (!(value instanceof Error)) {
    return typeof value === 'object' && value !== null
      ? { type: 'thrown value', message: Object.prototype.toString.call(value) }
      : value;
  }
  const fields = value as Error & Record<string, unknown>;
  const code = text(fields.code);
  const statement =
    value instanceof DrizzleQueryError
      ? value.query
      : isSqlState(code)
        ? text(fields.query)
        : undefined;
  const message = safeMessage(value, code);
  const type = value.name !== 'Error' ? value.name : value.constructor.name;
  const entry: LoggedError = {
    type,
    message,
    stack: framesOf(value.stack, `${type}: ${message}`),
    code,
    // A driver's error under Drizzle's carries the same statement again.
    statement: statement === parentStatement ? undefined : statement,
    constraint: text(fields.constraint_name) ?? text(fields.constraint),
    table: text(fields.table_name) ?? text(fields.table),
    column: text(fields.column_name) ?? text(fields.column),
    syscall: text(fields.syscall),
    address: text(fields.address),
    port: typeof fields.port === 'number' ? fields.port : undefined,
  };
  if (depth < MAX_CAUSES) {
    const below = (error: unknown) => logged(error, depth + 1, statement) as LoggedError;
    if (value.cause !== undefined) entry.cause = below(value.cause);
    if (value instanceof AggregateError) {
      entry.errors = (value.errors as unknown[]).slice(0, MAX_CAUSES).map(below);
    }
  }
  return Object.fromEntries(Object.entries(entry).filter(([, field]) => field !== undefined));
}

function safeMessage(error: Error, code: string | undefined): string {
  // "Failed query: <statement>\nparams: <values>": the statement is logged on its own.
  if (error instanceof DrizzleQueryError) return 'Failed query';
  // Data exceptions (SQLSTATE class 22) quote the value they could not take.
  if (isSqlState(code) && code.startsWith('22')) {
    return error.message
      .replace(/"[\s\S]*"/, '"…"')
      .replace(/0x[0-9a-f]{2}( 0x[0-9a-f]{2})*/gi, '0x…');
  }
  // Node.js quotes a wrong argument ("Received type string ('…')"); its type is enough.
  if (code?.startsWith('ERR_INVALID_ARG_')) {
    return error.message.replace(
      /Received (?!an instance of )[\s\S]*$/,
      (received) => /^Received type \w+/.exec(received)?.[0] ?? 'Received …',
    );
  }
  return error.message;
}

const isSqlState = (code: string | undefined): code is string =>
  code !== undefined && /^[0-9A-Z]{5}$/.test(code);

/** The stack's frames under a first line of our own: the original first line is the message. */
function framesOf(stack: string | undefined, header: string): string | undefined {
  if (!stack) return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [header, ...frames].join('\n');
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
