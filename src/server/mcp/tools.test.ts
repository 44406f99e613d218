import { readFileSync } from 'node:fs';
import { initTRPC, type AnyProcedure } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timestamp } from '@/schemas/common';
import type { AppMeta } from '@/server/api/trpc';
import { mcpTools, mcpToolsOf } from './tools';

const t = initTRPC.meta<OpenApiMeta<AppMeta>>().create();
const openapi = { method: 'GET', path: '/things', summary: 'List things' } as const;
const thing = z.object({ name: z.string(), at: timestamp() }).meta({ id: 'Thing' });

const proceduresOf = (router: ReturnType<typeof t.router>) =>
  router._def.procedures as unknown as Record<string, AnyProcedure>;

describe('MCP tools', () => {
  it('are the procedures that say so, described by their REST meta and schemas', () => {
    const router = t.router({
      things: t.router({
        list: t.procedure
          .meta({ mcp: true, openapi: { ...openapi, description: 'Every thing.' } })
          .input(z.object({ q: z.string().max(10).optional() }))
          .output(z.object({ items: z.array(thing) }))
          .query(() => ({ items: [] })),
        add: t.procedure
          .meta({ mcp: { destructive: false, idempotent: false }, openapi })
          .input(thing)
          .output(thing)
          .mutation(({ input }) => input),
        hidden: t.procedure
          .meta({ openapi })
          .input(z.object({}))
          .query(() => ({})),
      }),
    });
    const [list, add, ...rest] = mcpToolsOf(proceduresOf(router));
    expect(rest).toEqual([]);
    expect(list).toMatchObject({
      procedurePath: 'things.list',
      type: 'query',
      definition: {
        name: 'things_list',
        title: 'List things',
        description: 'List things. Every thing.',
        inputSchema: { type: 'object', properties: { q: { type: 'string', maxLength: 10 } } },
        outputSchema: {
          type: 'object',
          properties: { items: { items: { $ref: '#/$defs/Thing' } } },
          $defs: { Thing: { properties: { at: { type: 'string', format: 'date-time' } } } },
        },
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
    });
    // A schema that is a named component is inlined at the root, which must be an object.
    expect(add?.definition).toMatchObject({
      inputSchema: { type: 'object', required: ['name', 'at'] },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    });
  });

  it('need a summary, and a mutation needs its hints', () => {
    const withoutSummary = t.router({
      a: t.procedure
        .meta({ mcp: true })
        .input(z.object({}))
        .query(() => ({})),
    });
    expect(() => mcpToolsOf(proceduresOf(withoutSummary))).toThrow(/needs one input/);
    const withoutHints = t.router({
      b: t.procedure
        .meta({ mcp: true, openapi })
        .input(z.object({}))
        .mutation(() => ({})),
    });
    expect(() => mcpToolsOf(proceduresOf(withoutHints))).toThrow(/whether it is destructive/);
  });

  it("of the application are each in docs/mcp.md's table", () => {
    const doc = readFileSync('docs/mcp.md', 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z_]+)` /gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...mcpTools().keys()].sort());
  });
});
