import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sendJson } from './json';

export const DOCS_PATH = '/api/docs';

/** Swagger UI's files, served from the installed package: the reference needs no CDN. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Clientele API reference</title>
    <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" />
    <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css" />
  </head>
  <body>
    <main id="reference"></main>
    <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_PATH}/reference.js"></script>
  </body>
</html>
`;

/** "Try it out" is on; Authorize takes an API key and keeps it only for this tab. */
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  tryItOutEnabled: true,
  displayRequestDuration: true,
  persistAuthorization: false,
  validatorUrl: null,
});
`;

/** The page allows its own scripts only; Swagger UI sets inline styles and data: images. */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const assetDirectory = () =>
  path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The interactive API reference at /api/docs, rendered from /api/openapi.json. */
export function createDocsHandler() {
  const cache = new Map<string, Buffer>();

  return async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendJson(res, 405, { code: 'METHOD_NOT_SUPPORTED', message: 'Use GET' });
    }
    res.setHeader('content-security-policy', DOCS_CSP);
    if (pathname === DOCS_PATH || pathname === `${DOCS_PATH}/`) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(PAGE);
    }
    const name = pathname.slice(DOCS_PATH.length + 1);
    res.setHeader('cache-control', 'public, max-age=86400');
    if (name === 'reference.js') {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      return res.end(INIT);
    }
    const type = ASSETS[name];
    if (!type) return sendJson(res, 404, { code: 'NOT_FOUND', message: `No such file: ${name}` });
    let body = cache.get(name);
    if (!body) {
      body = await readFile(path.join(assetDirectory(), name));
      cache.set(name, body);
    }
    res.setHeader('content-type', type);
    res.end(body);
  };
}
