// The requests a started image must answer, each with what it proves.
import path from 'node:path';
import { expect, METRICS_TOKEN } from './support.mjs';

async function get(base, pathname) {
  const response = await fetch(`${base}${pathname}`, { redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  expect(response.status === 200, `GET ${pathname}: ${response.status}, expected 200`);
  return { response, text: body.toString('utf8'), bytes: body.length };
}

export const CHECKS = [
  {
    name: 'GET /api/health 200 {"status":"ok"}',
    async run(base) {
      const { text } = await get(base, '/api/health');
      expect(JSON.parse(text).status === 'ok', `/api/health answered ${text}`);
    },
  },
  {
    name: 'GET /api/ready 200',
    run: (base) => get(base, '/api/ready').then(() => undefined),
  },
  {
    name: "GET /sign-in 200 HTML with next.config.mjs's headers, and its scripts",
    async run(base) {
      const { response, text } = await get(base, '/sign-in');
      expect(response.headers.get('content-type')?.startsWith('text/html'), '/sign-in is not HTML');
      expect(text.includes('Email'), '/sign-in has no "Email" field');
      expect(
        response.headers.get('x-frame-options') === 'DENY',
        '/sign-in lacks the X-Frame-Options header from next.config.mjs',
      );
      const scripts = [...text.matchAll(/src="(\/_next\/static\/[^"]+)"/g)].map(
        (match) => match[1],
      );
      expect(scripts.length > 0, '/sign-in links no /_next/static script');
      for (const script of scripts) await get(base, script);
      return `${scripts.length} /_next/static scripts`;
    },
  },
  {
    name: 'GET /robots.txt and /favicon.ico 200, from public/',
    async run(base) {
      const { text } = await get(base, '/robots.txt');
      expect(text.includes('Disallow: /'), `/robots.txt answered ${text}`);
      const { response } = await get(base, '/favicon.ico');
      const type = response.headers.get('content-type');
      expect(type?.startsWith('image/'), `/favicon.ico is ${type}`);
    },
  },
  {
    name: 'GET /api/docs 200, and every file it links',
    async run(base) {
      const { text } = await get(base, '/api/docs');
      const assets = [...text.matchAll(/(?:href|src)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length >= 3, `/api/docs links ${assets.length} files`);
      const sizes = [];
      for (const asset of assets)
        sizes.push(`${path.basename(asset)} ${(await get(base, asset)).bytes} B`);
      return sizes.join(', ');
    },
  },
  {
    name: 'GET /api/metrics 401 without METRICS_TOKEN, 200 with it',
    async run(base) {
      const closed = await fetch(`${base}/api/metrics`);
      expect(closed.status === 401, `/api/metrics without the token: ${closed.status}`);
      const response = await fetch(`${base}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.status === 200, `/api/metrics with the token: ${response.status}`);
      expect(
        (await response.text()).includes('clientele_http_requests_total'),
        'no request metrics',
      );
    },
  },
  {
    name: 'GET /api/openapi.json 200',
    async run(base) {
      const { text } = await get(base, '/api/openapi.json');
      const document = JSON.parse(text);
      expect(/^3\./.test(document.openapi), '/api/openapi.json is not an OpenAPI 3 document');
      return `OpenAPI ${document.openapi}, ${Object.keys(document.paths).length} paths`;
    },
  },
];
