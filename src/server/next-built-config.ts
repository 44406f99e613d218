import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves pages with the configuration `next build` resolved and saved in
 * .next/required-server-files.json, as the server.js of Next's standalone output does (this is
 * the variable it sets). Without it Next loads next.config.mjs again, which needs its build-time
 * modules (webpack among them) that the standalone output, and so the image, leaves out.
 */
export function applyBuiltNextConfig(dir: string) {
  const manifest = path.join(dir, '.next', 'required-server-files.json');
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG || !existsSync(manifest)) return;
  const { config } = JSON.parse(readFileSync(manifest, 'utf8')) as { config: object };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
