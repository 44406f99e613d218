import { crc32 } from 'node:zlib';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { isTestApiKey, TEST_API_KEY_PREFIX } from '@/schemas/api-keys';
import { randomToken, sha256Of } from './tokens';

/**
 * Keys look like `clt_<52 random base32 chars><7 checksum chars>`: the prefix lets secret
 * scanners and people recognise a leaked key, the CRC-32 checksum lets them (and this server)
 * reject a mistyped or made-up key without a database lookup. Only SHA-256(key) is stored;
 * the key has 256 random bits, so a fast hash is enough. A sandbox's keys start `clt_test_`
 * instead, so a key for test data is told apart at a glance; the body has no underscore, so a
 * live key can never start that way.
 */
export const API_KEY_PREFIX = 'clt_';
const BODY_LENGTH = 52;
const CHECKSUM_LENGTH = 7;
/** How many characters of the body are kept (with the prefix) to tell keys apart. */
const DISPLAYED_BODY_LENGTH = 8;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: Uint8Array;
}

/** A new key; a sandbox's key starts `clt_test_`. */
export function generateApiKey(options: { sandbox?: boolean } = {}): GeneratedApiKey {
  const keyPrefix = options.sandbox ? TEST_API_KEY_PREFIX : API_KEY_PREFIX;
  const body = randomToken(32);
  const key = `${keyPrefix}${body}${checksumOf(body)}`;
  return {
    key,
    prefix: key.slice(0, keyPrefix.length + DISPLAYED_BODY_LENGTH),
    hash: hashApiKey(key),
  };
}

export function hashApiKey(key: string): Uint8Array {
  return sha256Of(key);
}

export function looksLikeApiKey(value: string): boolean {
  if (!value.startsWith(API_KEY_PREFIX)) return false;
  const rest = value.slice(
    isTestApiKey(value) ? TEST_API_KEY_PREFIX.length : API_KEY_PREFIX.length,
  );
  if (rest.length !== BODY_LENGTH + CHECKSUM_LENGTH || !/^[a-z2-7]+$/.test(rest)) return false;
  const body = rest.slice(0, BODY_LENGTH);
  return rest.slice(BODY_LENGTH) === checksumOf(body);
}

function checksumOf(body: string): string {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, crc32(body));
  return encodeBase32LowerCaseNoPadding(bytes);
}
