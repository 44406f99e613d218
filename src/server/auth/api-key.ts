import { crc32 } from 'node:zlib';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomToken, sha256Of } from './tokens';

/**
 * Keys look like `clt_<52 random base32 chars><7 checksum chars>`: the prefix lets secret
 * scanners and people recognise a leaked key, the CRC-32 checksum lets them (and this server)
 * reject a mistyped or made-up key without a database lookup. Only SHA-256(key) is stored;
 * the key has 256 random bits, so a fast hash is enough.
 */
export const API_KEY_PREFIX = 'clt_';
const BODY_LENGTH = 52;
const CHECKSUM_LENGTH = 7;
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: Uint8Array;
}

export function generateApiKey(): GeneratedApiKey {
  const body = randomToken(32);
  const key = `${API_KEY_PREFIX}${body}${checksumOf(body)}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Uint8Array {
  return sha256Of(key);
}

export function looksLikeApiKey(value: string): boolean {
  if (!value.startsWith(API_KEY_PREFIX)) return false;
  const rest = value.slice(API_KEY_PREFIX.length);
  if (rest.length !== BODY_LENGTH + CHECKSUM_LENGTH || !/^[a-z2-7]+$/.test(rest)) return false;
  const body = rest.slice(0, BODY_LENGTH);
  return rest.slice(BODY_LENGTH) === checksumOf(body);
}

function checksumOf(body: string): string {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, crc32(body));
  return encodeBase32LowerCaseNoPadding(bytes);
}
