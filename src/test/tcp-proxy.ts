import net, { type AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of a server (PostgreSQL) that can hold back the server's replies: once
 * armed, the first reply chunk containing a given text, and everything after it on that
 * connection, wait until released. The server has done the work; the client does not hear of it.
 */
export interface TcpProxy {
  port: number;
  /** The target URL with the proxy's port instead of the server's. */
  url(target: string): string;
  holdReplyContaining(text: string): void;
  /** Resolves once a reply is being held back. */
  holding(): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let pattern: Buffer | undefined;
  let held: { release: () => void } | undefined;
  let onHold: (() => void) | undefined;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);

    let waiting: Buffer[] | undefined;
    upstream.on('data', (chunk: Buffer) => {
      if (!waiting && pattern && chunk.includes(pattern)) {
        pattern = undefined;
        const queue: Buffer[] = [];
        waiting = queue;
        held = {
          release() {
            waiting = undefined;
            for (const part of queue) client.write(part);
          },
        };
        onHold?.();
      }
      if (waiting) waiting.push(chunk);
      else client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    holdReplyContaining(text) {
      pattern = Buffer.from(text);
    },
    holding: () =>
      held
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            onHold = resolve;
          }),
    release() {
      held?.release();
      held = undefined;
      onHold = undefined;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
