import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertStorableInput } from '@/server/api/storable-input';
import { AppError } from '@/server/errors';

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(payload));
  res.end(payload);
}

export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a body as UTF-8 text, refusing (413) past limitBytes without buffering the rest, and
 * (400) bytes that are not UTF-8, which decoding would otherwise turn into U+FFFD unnoticed.
 */
export async function readTextBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid UTF-8');
  }
}

/** Reads and parses a JSON body (see readTextBody). */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const text = await readTextBody(req, limitBytes);
  if (text === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON');
  }
  // Checked as every procedure's input is, already here: the idempotency hash walks it first.
  assertStorableInput(body);
  return body;
}

function tooLarge(limitBytes: number) {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${Math.round(limitBytes / 1000)} KB`,
  );
}
