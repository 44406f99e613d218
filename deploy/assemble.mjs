// Completes Next's standalone output (.next/standalone) into the one directory the image runs.
//
// Next traces what its own server needs, but our server is dist/server/main.mjs, bundled with
// its packages left external, and the CLI is dist/cli/main.mjs. This traces both with
// @vercel/nft (what Next traces with) and copies what they load, then the files Next leaves
// for a CDN or that are read by path: .next/static, public/ and drizzle/ (migrations, read
// from the working directory). Next's configuration is the one saved by the build in
// .next/required-server-files.json (src/server/next-built-config.ts).
//
// Usage, after `npm run build`: node deploy/assemble.mjs   (prints a JSON summary)
import { cp, copyFile, lstat, mkdir, readlink, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFileTrace } from '@vercel/nft';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, '.next', 'standalone');

const ENTRY_POINTS = ['dist/server/main.mjs', 'dist/cli/main.mjs'];

/** Copied whole, relative to the repository root. */
const DIRECTORIES = [
  ['.next/static', '.next/static'],
  ['public', 'public'],
  ['drizzle', 'drizzle'],
];

// Read by path at run time, so no tracer can see them: Swagger UI's files served at /api/docs
// (src/server/http/docs.ts). deploy/check.mjs fetches every file that page links to.
const FILES_READ_BY_PATH = [
  'node_modules/swagger-ui-dist/package.json',
  'node_modules/swagger-ui-dist/swagger-ui.css',
  'node_modules/swagger-ui-dist/swagger-ui-bundle.js',
  'node_modules/swagger-ui-dist/favicon-32x32.png',
];

const IGNORED = [
  // Next's production server is already traced into the standalone output by `next build`,
  // which knows which of its files a production server loads; tracing `next` again from our
  // server would add its development server, webpack and source maps (about 100 MB).
  'node_modules/next/**',
  '**/*.d.ts',
  '**/*.d.cts',
  '**/*.map',
];

async function main() {
  for (const required of [...ENTRY_POINTS, '.next/standalone/.next/required-server-files.json']) {
    if (!existsSync(path.join(root, required))) {
      throw new Error(`${required} is missing: run \`npm run build\` first`);
    }
  }

  const started = Date.now();
  const { fileList, warnings } = await nodeFileTrace(ENTRY_POINTS, {
    base: root,
    processCwd: root,
    // Node 20.19 and later resolve the "module-sync" export condition, for require() as for
    // import; @vercel/nft assumes it from Node 22 only. moduleSyncCatchall also keeps the
    // fallback next to it, as Next's own trace does.
    conditions: ['node', 'module-sync'],
    moduleSyncCatchall: true,
    ignore: IGNORED,
  });

  let copied = 0;
  for (const file of [...fileList, ...FILES_READ_BY_PATH].sort()) {
    if (await copyEntry(file)) copied += 1;
  }
  for (const [from, to] of DIRECTORIES) {
    const source = path.join(root, from);
    if (!existsSync(source)) continue;
    await rm(path.join(output, to), { recursive: true, force: true });
    await cp(source, path.join(output, to), { recursive: true });
  }
  // Next copies the .env files it finds; settings come from the environment in production.
  for (const name of ['.env', '.env.production', '.env.local', '.env.production.local']) {
    await rm(path.join(output, name), { force: true });
  }

  const unresolved = [...warnings]
    .map((warning) => warning.message)
    .filter((message) => !isKnownOptional(message));
  process.stdout.write(
    `${JSON.stringify({
      directory: path.relative(root, output),
      traced: fileList.size,
      copied,
      seconds: (Date.now() - started) / 1000,
      warnings: unresolved.length,
    })}\n`,
  );
  for (const message of unresolved) process.stderr.write(`nft: ${message.split('\n')[0]}\n`);
}

/** Copies one traced path (file or symlink) unless Next's trace already put it there. */
async function copyEntry(relative) {
  const source = path.join(root, relative);
  const target = path.join(output, relative);
  if (existsSync(target)) return false;
  const info = await lstat(source);
  if (info.isDirectory()) return false;
  await mkdir(path.dirname(target), { recursive: true });
  if (info.isSymbolicLink()) {
    await symlink(await readlink(source), target);
  } else {
    await copyFile(source, target);
  }
  return true;
}

/**
 * Native packages name a binary for every platform and only this platform's is installed;
 * pg (pg-boss's driver) names optional packages it does without.
 */
function isKnownOptional(message) {
  return /Failed to resolve dependency "(\.\/[^"]+\.(node|wasi\.cjs)|@[^"]+-(android|darwin|freebsd|win32|linux|openharmony|wasm32)-[^"]+|pg-native|cloudflare:sockets)"/.test(
    message,
  );
}

await main().catch((error) => {
  process.stderr.write(`assemble: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
