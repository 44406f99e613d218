import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What the server does with one request: answer it, or drop the connection. */
export type Reply =
  { status: number; headers?: Record<string, string>; json?: unknown } | { dropConnection: true };

/**
 * A real HTTP server that answers each request with the next reply of a script (the last one
 * repeats) and records what it received, so tests see the client's wire behaviour.
 */
export async function startScriptedServer(script: (request: ReceivedRequest) => Reply) {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      received.push(entry);
      const reply = script(entry);
      if ('dropConnection' in reply) {
        request.socket.destroy();
        return;
      }
      response.writeHead(reply.status, {
        'content-type': 'application/json',
        ...reply.headers,
      });
      response.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const NOT_FOUND = {
  code: 'NOT_FOUND',
  message: 'Customer not found',
  requestId: 'req-1',
} as const;
