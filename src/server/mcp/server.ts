import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import type { Context } from '@/server/api/context';
import { version } from '../../../package.json';
import { callTool } from './call-tool';
import { mcpTools } from './tools';

const INSTRUCTIONS =
  "Clientele is a CRM. These tools read and change one organization's customers, companies, " +
  'deals, orders and tasks with the permissions of the credential used. Lists return ' +
  '`{items, nextCursor}`: pass `nextCursor` as `cursor` for the next page. To move a deal, ' +
  'find the stage ids with pipelines_list.';

/**
 * The MCP server of one request, acting as the request's caller. Tools are listed and called
 * through the underlying Server's handlers rather than McpServer.registerTool, which would
 * describe and validate them with zod's own JSON Schema (it cannot express a time as text) and
 * answer invalid input in words of its own: here the procedure validates its input and answers
 * as it does on every door.
 */
export function createMcpServer(
  ctx: Context,
  logger: Logger,
  /** After each tool call: its response headers (rate limits) are in `ctx.responseHeaders`. */
  afterToolCall: () => void,
): McpServer {
  const mcp = new McpServer(
    { name: 'clientele', title: 'Clientele', version },
    { instructions: INSTRUCTIONS },
  );
  const { server } = mcp;
  server.registerCapabilities({ tools: {} });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...mcpTools().values()].map((tool) => tool.definition),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = mcpTools().get(request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `No tool named ${request.params.name}`);
    const result = await callTool(ctx, tool, request.params.arguments, logger);
    afterToolCall();
    return result;
  });
  return mcp;
}
