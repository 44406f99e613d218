import { sql, type SQL } from 'drizzle-orm';
import { rows } from '@/server/db/rows';
import type { Transaction } from '@/server/db/types';

/** pg-boss's database interface ($1-style SQL) over a Drizzle transaction, on either driver. */
export function transactionDb(tx: Transaction) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return { rows: rows<Record<string, unknown>>(await tx.execute(positional(text, values))) };
    },
  };
}

function positional(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${sql.param(serialise(values[Number(match[1]) - 1]))}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

function serialise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value;
}
