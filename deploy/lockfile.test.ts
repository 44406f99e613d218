import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'package-lock.json'), 'utf8'),
) as { packages: Record<string, LockedPackage> };

/** Where npm resolves `name` required by the package at `from`: its own folder, then upwards. */
function resolveLocked(from: string, name: string): string | undefined {
  for (let base = from; ;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

describe('package-lock.json', () => {
  // npm ci (CI, the Dockerfile) refuses a lockfile that omits another platform's optional
  // binaries (@next/swc-*, @tailwindcss/oxide-*), and npm install rewrites it on a fresh clone.
  it('lists every optional dependency of every package, for every platform', () => {
    const missing = Object.entries(lock.packages).flatMap(([location, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !resolveLocked(location, name))
        .map((name) => `${name} (of ${location || 'the project'})`),
    );
    expect(missing).toEqual([]);
  });
});
