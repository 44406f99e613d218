// What the deployment check's parts share: its failures, its report, and small helpers.
import { randomBytes } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export const MIGRATE_COMMAND = 'node dist/cli/main.mjs migrate';
// Production requires one, and the check proves /api/metrics is closed without it.
export const METRICS_TOKEN = randomBytes(24).toString('hex');
// Run as root (CI), the app runs as `nobody`, to whom its files are read-only, as in the image
// (and Kubernetes' readOnlyRootFilesystem): it may write only to Next's cache and the data dir.
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

export class CheckFailed extends Error {}

export function report(line) {
  process.stdout.write(`${line}\n`);
}

export function expect(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

export async function freePort() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 3000 + Math.floor(Math.random() * 2000);
    const free = await new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new CheckFailed('no free port between 3000 and 4999');
}

export async function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await lstat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

export const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves to null after ms, without keeping the process alive once everything else is done. */
export const timeout = (ms) =>
  new Promise((resolve) => setTimeout(() => resolve(null), ms).unref());
