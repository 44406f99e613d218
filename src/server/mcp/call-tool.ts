import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import type { Context } from '@/server/api/context';
import { candidatesOf, fieldIssuesOf, publicMessageOf, toTRPCError } from '@/server/api/errors';
import { createCaller } from '@/server/api/root';
import { AppError } from '@/server/errors';
import type { McpTool } from './tools';

type Procedure = (input: unknown) => Promise<unknown>;

/**
 * Runs a tool's procedure through a tRPC caller on the request's context, so the procedure's
 * permission, tenant transaction, audit row and the caller's rate limits apply as on the other
 * doors. Its output is the result, as JSON text and as structured content; its failure is a
 * tool error (the model reads it and can correct the call), in the REST error's shape.
 */
export async function callTool(
  ctx: Context,
  tool: McpTool,
  args: Record<string, unknown> | undefined,
  logger: Logger,
): Promise<CallToolResult> {
  const caller: unknown = createCaller(ctx);
  const procedure = tool.procedurePath
    .split('.')
    .reduce((node, key) => (node as Record<string, unknown>)[key], caller) as Procedure;
  try {
    const output = await procedure(args ?? {});
    const text = JSON.stringify(output);
    return {
      content: [{ type: 'text', text }],
      ...(tool.definition.outputSchema
        ? { structuredContent: JSON.parse(text) as Record<string, unknown> }
        : {}),
    };
  } catch (thrown) {
    const error = toTRPCError(thrown);
    const { requestId } = ctx.request;
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      logger.error(
        { err: error.cause ?? error, requestId, path: tool.procedurePath },
        'tool failed',
      );
    }
    const issues = fieldIssuesOf(error);
    const candidates = candidatesOf(error);
    const retryAfterSeconds =
      error.cause instanceof AppError ? error.cause.details.retryAfterSeconds : undefined;
    const body = {
      code: error.code,
      message: publicMessageOf(error),
      ...(issues ? { issues } : {}),
      ...(candidates ? { candidates } : {}),
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      requestId,
    };
    return { content: [{ type: 'text', text: JSON.stringify(body) }], isError: true };
  }
}
