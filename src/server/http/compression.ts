import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Below this, compressing saves too little to be worth the work (and often adds bytes). */
const MIN_BYTES = 1024;

const CODINGS = {
  // Quality 5 of 11: most of brotli's gain at a fraction of its time, for bodies made per request.
  br: (body: Buffer) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body: Buffer) => promisify(gzip)(body),
};
type Coding = keyof typeof CODINGS;

/** The coding Accept-Encoding prefers (by q-value; br before gzip on a tie), if any. */
export function codingFor(acceptEncoding: string | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0;
  return (Object.keys(CODINGS) as Coding[])
    .filter((coding) => weight(coding) > 0)
    .sort((a, b) => weight(b) - weight(a))[0];
}

/**
 * The body to send: compressed with the coding the client prefers when it is large enough,
 * with Content-Encoding set. Compression runs on libuv's thread pool, not the event loop.
 */
export async function compressedFor(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
): Promise<Buffer> {
  const bytes = Buffer.from(body, 'utf8');
  const coding = bytes.length >= MIN_BYTES ? codingFor(req.headers['accept-encoding']) : undefined;
  if (!coding) return bytes;
  res.setHeader('content-encoding', coding);
  return CODINGS[coding](bytes);
}
