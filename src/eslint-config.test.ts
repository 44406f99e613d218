import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The rules a snippet breaks, linted as if it were the file at `file` (from the root). */
async function rulesBrokenBy(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('the lint rules', () => {
  it('refuse database and domain code that imports the API or HTTP layers', async () => {
    const byAlias = "import { router } from '@/server/api/trpc';\nexport const r = router;\n";
    expect(await rulesBrokenBy(byAlias, 'src/server/domain/x.ts')).toEqual([
      'import/no-restricted-paths',
    ]);
    const typeOnly =
      "import type { Context } from '@/server/api/context';\nexport type C = Context;\n";
    expect(await rulesBrokenBy(typeOnly, 'src/server/domain/orders/x.ts')).toEqual([
      'import/no-restricted-paths',
    ]);
    const byPath = "import { sendJson } from '../http/json';\nexport const send = sendJson;\n";
    expect(await rulesBrokenBy(byPath, 'src/server/db/x.ts')).toEqual([
      'import/no-restricted-paths',
    ]);
  });

  it('let each layer import the layers below it, and tests import anything', async () => {
    const database =
      "import type { TenantTx } from '@/server/db/types';\nexport type Tx = TenantTx;\n";
    expect(await rulesBrokenBy(database, 'src/server/domain/x.ts')).toEqual([]);
    const api = "import { router } from '@/server/api/trpc';\nexport const r = router;\n";
    expect(await rulesBrokenBy(api, 'src/server/http/x.ts')).toEqual([]);
    expect(await rulesBrokenBy(api, 'src/server/domain/x.int.test.ts')).toEqual([]);
  });

  it('refuse a module imported twice, also when once for its types', async () => {
    const twice = [
      "import { sql } from 'drizzle-orm';",
      "import type { SQL } from 'drizzle-orm';",
      'export const query: SQL = sql`select 1`;',
      '',
    ].join('\n');
    expect(await rulesBrokenBy(twice, 'src/server/db/x.ts')).toEqual([
      'import/no-duplicates',
      'import/no-duplicates',
    ]);
    const once =
      "import { sql, type SQL } from 'drizzle-orm';\nexport const query: SQL = sql`select 1`;\n";
    expect(await rulesBrokenBy(once, 'src/server/db/x.ts')).toEqual([]);
  });
});
