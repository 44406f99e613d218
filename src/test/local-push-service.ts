import { createECDH, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';

/** http_ece (web-push's own encryption library) has no types; this is the one call used. */
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(
    body: Buffer,
    params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: string },
  ): Buffer;
};

/** A browser's PushSubscription as the server stores it, with the browser's private half. */
export interface TestPushSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A message the service accepted: who signed it, and what it said once decrypted. */
export interface AcceptedPush {
  endpoint: string;
  /** The `k` of the Authorization header: the application server's VAPID public key. */
  vapidPublicKey: string;
  subject: string;
  ttl: number;
  urgency: string | undefined;
  payload: string;
}

export interface RefusedPush {
  endpoint: string;
  status: number;
  reason: string;
}

/** VAPID tokens may be valid for at most a day (RFC 8292, section 2). */
const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

class Refusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * A local push service (RFC 8030) on 127.0.0.1: it hands out subscriptions whose keys it keeps
 * (as a browser would), and for each POST to one of them checks the VAPID signature (RFC 8292)
 * and decrypts the aes128gcm body (RFC 8291) with the subscription's private key and auth
 * secret. What it accepts and what it refuses, and why, are kept for the test to read. An
 * endpoint can be told to answer with another status (410: the browser unsubscribed).
 */
export function createPushService() {
  const browsers = new Map<string, { ecdh: ECDH; auth: string }>();
  const answers = new Map<string, number>();
  const requests = new Map<string, number>();
  const accepted: AcceptedPush[] = [];
  const refused: RefusedPush[] = [];
  let server: http.Server | undefined;
  let origin = '';

  async function receive(request: http.IncomingMessage): Promise<number> {
    const endpoint = `${origin}${request.url ?? '/'}`;
    requests.set(endpoint, (requests.get(endpoint) ?? 0) + 1);
    const body = await readBody(request);
    try {
      if (request.method !== 'POST') throw new Refusal(405, `${request.method} is not POST`);
      const browser = browsers.get(request.url ?? '');
      if (!browser) throw new Refusal(404, 'no such subscription');
      const vapid = await verifyVapid(request.headers.authorization, origin);
      const answer = answers.get(endpoint);
      if (answer) return answer;
      const ttl = Number(request.headers.ttl);
      if (request.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) {
        throw new Refusal(400, `TTL header missing or invalid: ${request.headers.ttl}`);
      }
      if (request.headers['content-encoding'] !== 'aes128gcm') {
        throw new Refusal(415, `Content-Encoding ${request.headers['content-encoding']}`);
      }
      let payload: string;
      try {
        payload = ece
          .decrypt(body, {
            version: 'aes128gcm',
            privateKey: browser.ecdh,
            authSecret: browser.auth,
          })
          .toString('utf8');
      } catch (error) {
        throw new Refusal(400, `cannot decrypt: ${(error as Error).message}`);
      }
      accepted.push({
        endpoint,
        ...vapid,
        ttl,
        urgency: request.headers.urgency as string | undefined,
        payload,
      });
      return 201;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refused.push({ endpoint, status: error.status, reason: error.message });
      return error.status;
    }
  }

  return {
    async start() {
      server = http.createServer((request, response) => {
        receive(request).then(
          (status) => response.writeHead(status).end(),
          (error: unknown) => response.writeHead(500).end(String(error)),
        );
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    get origin() {
      return origin;
    },
    /** A new browser's subscription: a P-256 key pair and 16 random bytes of auth secret. */
    subscribe(): TestPushSubscription {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16).toString('base64url');
      const path = `/push/${randomUUID()}`;
      browsers.set(path, { ecdh, auth });
      return { endpoint: `${origin}${path}`, p256dh: ecdh.getPublicKey('base64url'), auth };
    },
    /** From now on the endpoint answers with this status (after checking the signature). */
    answerWith(endpoint: string, status: number) {
      answers.set(endpoint, status);
    },
    accepted: (endpoint: string) => accepted.filter((push) => push.endpoint === endpoint),
    refused: (endpoint: string) => refused.filter((push) => push.endpoint === endpoint),
    /** Every request that reached the endpoint, whatever it was answered. */
    requestsTo: (endpoint: string) => requests.get(endpoint) ?? 0,
  };
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * `Authorization: vapid t=<JWT>, k=<public key>`: the JWT must be signed (ES256) by the private
 * half of k, for this origin (`aud`), not expired and not valid for more than a day, with a
 * contact (`sub`).
 */
async function verifyVapid(authorization: string | undefined, origin: string) {
  const match = /^vapid t=([\w.-]+),\s*k=([\w-]+)$/.exec(authorization ?? '');
  if (!match) throw new Refusal(401, `no VAPID authorization: ${authorization}`);
  const [, token, publicKey] = match as unknown as [string, string, string];
  const point = Buffer.from(publicKey, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) {
    throw new Refusal(401, 'k is not an uncompressed P-256 public key');
  }
  const key = await importJWK(
    {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    'ES256',
  );
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(token, key, {
      algorithms: ['ES256'],
      audience: origin,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    throw new Refusal(403, `VAPID token refused: ${(error as Error).message}`);
  }
  if (claims.exp! > Date.now() / 1000 + MAX_TOKEN_LIFETIME_SECONDS) {
    throw new Refusal(403, 'VAPID token valid for more than 24 hours');
  }
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) {
    throw new Refusal(403, `VAPID subject is not mailto: or https: ${claims.sub}`);
  }
  return { vapidPublicKey: publicKey, subject: claims.sub };
}
