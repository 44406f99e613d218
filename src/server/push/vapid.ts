import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import type { Env } from '@/env';

/** The server's identity towards push services (RFC 8292): its key pair and a contact. */
export interface VapidSettings {
  /** Uncompressed P-256 public key, base64url: the browser's `applicationServerKey`. */
  publicKey: string;
  privateKey: string;
  /** `mailto:` or https URL a push service can reach the operator at. */
  subject: string;
}

export const VAPID_KEYS_FILE = 'vapid-keys.json';

/**
 * VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when set. Without them, production has no Web Push
 * (null); development and tests make a key pair once and keep it beside the embedded database,
 * since every browser subscription is bound to the key it was made with.
 */
export function vapidSettingsFromEnv(config: Env): VapidSettings | null {
  const subject = config.VAPID_SUBJECT ?? defaultVapidSubject(config.MAIL_FROM, config.APP_URL);
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
    return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject };
  }
  if (config.NODE_ENV === 'production') return null;
  return { ...developmentVapidKeys(config.PGLITE_DIR), subject };
}

/** `mailto:` the address of MAIL_FROM (`Name <address>` or a bare address), else admin@host. */
export function defaultVapidSubject(mailFrom: string | undefined, appUrl: string): string {
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom ?? '')?.[1] ?? mailFrom?.trim();
  if (address && /^[^\s@<>]+@[^\s@<>]+$/.test(address)) return `mailto:${address}`;
  return `mailto:admin@${new URL(appUrl).hostname}`;
}

/** Base64url of an uncompressed P-256 point (65 bytes, 0x04 first), as browsers give and take. */
export function isP256PublicKey(value: string): boolean {
  return isBase64UrlOf(value, 65) && Buffer.from(value, 'base64url')[0] === 0x04;
}

/** Base64url, without padding, of exactly `bytes` bytes. */
export function isBase64UrlOf(value: string, bytes: number): boolean {
  return /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, 'base64url').length === bytes;
}

type KeyPair = Pick<VapidSettings, 'publicKey' | 'privateKey'>;

let keysInMemory: KeyPair | undefined;

/**
 * The development key pair in `vapid-keys.json` beside PGLITE_DIR (`.data/` by default), made on
 * first use. With the database in memory, or a directory that cannot be written, the pair lasts
 * as long as the process.
 */
export function developmentVapidKeys(pgliteDir: string): KeyPair {
  if (pgliteDir.startsWith('memory://')) return (keysInMemory ??= webpush.generateVAPIDKeys());
  const file = path.join(path.dirname(path.resolve(pgliteDir)), VAPID_KEYS_FILE);
  const stored = readKeyPair(file);
  if (stored) return stored;
  const generated = webpush.generateVAPIDKeys();
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // `wx`: when another process (the CLI, a second dev server) made the file first, use theirs.
    writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = readKeyPair(file);
      if (theirs) return theirs;
    }
    return (keysInMemory ??= generated);
  }
}

function readKeyPair(file: string): KeyPair | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = parseJson(text) as Partial<KeyPair> | undefined;
  if (
    typeof parsed?.publicKey !== 'string' ||
    typeof parsed.privateKey !== 'string' ||
    !isP256PublicKey(parsed.publicKey) ||
    !isBase64UrlOf(parsed.privateKey, 32)
  ) {
    throw new Error(
      `${file} does not hold a VAPID key pair ({ "publicKey", "privateKey" } in base64url); delete it to make a new one`,
    );
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
