import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** What an MCP client said it is at `initialize` (its `clientInfo`), as audit rows name it. */
export interface McpClient {
  name: string;
  version: string;
}

// With "MCP: " and a space, within the audit row's MAX_CLIENT_NAME_LENGTH (200).
const MAX_NAME_LENGTH = 100;
const MAX_VERSION_LENGTH = 40;
/** Room for the longest name and version, four bytes a character, in base64. */
const MAX_SESSION_ID_LENGTH = 1024;

/*
 * The server is stateless: any instance answers any request, and none keeps a session. But only
 * `initialize` carries the client's name, and the audit rows of later tool calls name it. So the
 * answer to `initialize` sets the Mcp-Session-Id to the client's name and version (and a random
 * id, as session ids are unique), and the transport sends that id back on every later request,
 * as Streamable HTTP requires: whichever instance gets a call reads the client from it, with no
 * store to share. It is not signed, as a signature would vouch for nothing: the name is what
 * the client said of itself, like a User-Agent, and each request is authorized by its
 * credential alone.
 */

const sessionPayload = z.strictObject({
  id: z.uuid(),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  version: z.string().max(MAX_VERSION_LENGTH),
});

/** The session id that carries the client through the requests that follow `initialize`. */
export function sessionIdOf(client: McpClient): string {
  const payload = { id: randomUUID(), ...client };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The client a session id names, or null when it is not one this server issued. */
export function clientOfSessionId(sessionId: string): McpClient | null {
  if (sessionId.length > MAX_SESSION_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(sessionId)) return null;
  try {
    const parsed = sessionPayload.safeParse(
      JSON.parse(Buffer.from(sessionId, 'base64url').toString('utf8')),
    );
    return parsed.success ? { name: parsed.data.name, version: parsed.data.version } : null;
  } catch {
    return null;
  }
}

/**
 * The client an `initialize` request describes, kept printable and short: it ends up in audit
 * rows and logs. Null when it names none.
 */
export function clientOfInitialize(params: unknown): McpClient | null {
  const clientInfo = (params as { clientInfo?: { name?: unknown; version?: unknown } } | null)
    ?.clientInfo;
  const name = printable(clientInfo?.name, MAX_NAME_LENGTH);
  if (!name) return null;
  return { name, version: printable(clientInfo?.version, MAX_VERSION_LENGTH) };
}

/** An MCP client as an audit row names it: "MCP: <name> <version>". */
export const clientNameOf = (client: McpClient) =>
  `MCP: ${client.name}${client.version ? ` ${client.version}` : ''}`;

function printable(value: unknown, maxLength: number): string {
  if (typeof value !== 'string') return '';
  let kept = '';
  for (const character of value.replace(/[\p{Cc}\p{Cs}]/gu, '').trim()) {
    if (kept.length + character.length > maxLength) break;
    kept += character;
  }
  return kept.trim();
}
