import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AnyProcedure } from '@trpc/server';
import type { core } from 'zod';
import { createSchema } from 'zod-openapi';
import { appRouter } from '@/server/api/root';
import type { AppMeta } from '@/server/api/trpc';

/** A tool of the MCP server: the procedure it runs, and how MCP clients see it. */
export interface McpTool {
  procedurePath: string;
  type: 'query' | 'mutation';
  definition: Tool;
}

type JsonSchema = Record<string, unknown>;

interface ProcedureDefinition {
  type: 'query' | 'mutation' | 'subscription';
  meta?: AppMeta & { openapi?: { summary?: string; description?: string } };
  inputs: core.$ZodType[];
  output?: core.$ZodType;
}

/**
 * The tools, generated from every procedure whose meta says `mcp`: named after its path
 * (`customers.list` is `customers_list`: MCP clients allow few characters in a name), titled
 * and described by its REST summary and description, with its input and output schemas
 * described as the REST document describes them (a time is an RFC 3339 string).
 */
export function mcpToolsOf(procedures: Record<string, AnyProcedure>): McpTool[] {
  return Object.entries(procedures).flatMap(([path, procedure]) => {
    const def = procedure._def as unknown as ProcedureDefinition;
    const hints = def.meta?.mcp;
    if (!hints) return [];
    const openapi = def.meta?.openapi;
    if (def.type === 'subscription' || !openapi?.summary || def.inputs.length !== 1) {
      throw new Error(`${path} cannot be an MCP tool: it needs one input and a REST summary`);
    }
    if (def.type === 'mutation' && hints === true) {
      throw new Error(`${path} is a mutation: its mcp meta says whether it is destructive`);
    }
    const readOnly = def.type === 'query' || def.meta?.readOnly === true;
    const outputSchema = def.output && jsonSchemaOf(def.output, 'output');
    const definition: Tool = {
      name: path.replaceAll('.', '_'),
      title: openapi.summary,
      description: [openapi.summary, openapi.description].filter(Boolean).join('. '),
      inputSchema: objectSchema(jsonSchemaOf(def.inputs[0]!, 'input')),
      // Structured results need an object; every tool's output is one today.
      ...(outputSchema?.type === 'object' ? { outputSchema: objectSchema(outputSchema) } : {}),
      annotations: {
        title: openapi.summary,
        readOnlyHint: readOnly,
        ...(hints === true || readOnly
          ? {}
          : { destructiveHint: hints.destructive, idempotentHint: hints.idempotent }),
        openWorldHint: false,
      },
    };
    return [{ procedurePath: path, type: def.type, definition }];
  });
}

/**
 * A zod schema as JSON Schema (2020-12, which OpenAPI 3.1 uses): named components go into
 * `$defs`, and a root that is only a reference to one of them is that component itself, since
 * MCP wants `type: "object"` at the root of a tool's schemas.
 */
function jsonSchemaOf(schema: core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { schema: root, components } = createSchema(schema, { io, schemaRefPath: '#/$defs/' });
  const reference = '$ref' in root ? root.$ref : undefined;
  const referenced = reference ? components[reference.slice('#/$defs/'.length)] : undefined;
  const resolved = (referenced ?? root) as JsonSchema;
  return Object.keys(components).length > 0 ? { ...resolved, $defs: components } : resolved;
}

function objectSchema(schema: JsonSchema): Tool['inputSchema'] {
  if (schema.type !== 'object') throw new Error('A tool schema must describe an object');
  return schema as Tool['inputSchema'];
}

let tools: Map<string, McpTool> | undefined;

/** The application's tools by name, generated once. */
export function mcpTools(): Map<string, McpTool> {
  tools ??= new Map(
    // Keyed by path at run time ('customers.list'), whatever the nested type says.
    mcpToolsOf(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).map((tool) => [
      tool.definition.name,
      tool,
    ]),
  );
  return tools;
}
