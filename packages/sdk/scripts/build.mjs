// Builds dist/: ES modules (esbuild, one file per source) and one bundled declaration file
// per entry (tsc, then rollup-plugin-dts). The tRPC entry's AppRouter type is the server's,
// bundled in, so a consumer needs neither this repository nor the server's dependencies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const packageDirectory = path.resolve(import.meta.dirname, '..');
const repository = path.resolve(packageDirectory, '../..');
const sourceDirectory = path.join(packageDirectory, 'src');
const distDirectory = path.join(packageDirectory, 'dist');
const entries = ['index', 'webhooks', 'oauth', 'trpc'];

/** The only modules a published declaration may import: dependencies and peers. */
const ALLOWED_IMPORTS = [
  'openapi-fetch',
  'openapi-typescript-helpers',
  '@trpc/client',
  '@trpc/server',
  'superjson',
];

function sourcesOf(directory) {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.endsWith('.d.ts'))
    .sort();
}

rmSync(distDirectory, { recursive: true, force: true });

// JavaScript: type-only modules (the router's type, the generated schema) compile to nothing
// and are imported by nothing at run time.
const typeOnly = ['app-router.ts', 'generated/openapi.ts'].map((file) =>
  path.join(sourceDirectory, file),
);
await build({
  entryPoints: sourcesOf(sourceDirectory).filter((file) => !typeOnly.includes(file)),
  outdir: distDirectory,
  outbase: sourceDirectory,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  bundle: false,
  logLevel: 'warning',
});

// Declarations: tsc writes them for the entries and everything they reach (the server's
// router included) into a scratch directory.
const declarations = mkdtempSync(path.join(tmpdir(), 'clientele-sdk-'));
try {
  execFileSync(
    path.join(repository, 'node_modules/.bin/tsc'),
    ['-p', path.join(packageDirectory, 'tsconfig.declarations.json'), '--outDir', declarations],
    { stdio: 'inherit' },
  );

  // The router's type names the server's request context and procedure meta, which a client
  // never reads (tRPC's client types use only the procedures, the error shape and the
  // transformer). They are replaced with opaque types so the server's database, logging and
  // OpenAPI packages stay out of the published declarations.
  const rootDeclaration = path.join(declarations, 'src/server/api/root.d.ts');
  const serverOnly = {
    './context': 'export type Context = object;',
    './trpc': 'export type AppMeta = Record<string, unknown>;',
    'trpc-to-openapi': 'export type OpenApiMeta<TMeta> = TMeta;',
  };
  const clientFacing = {
    name: 'client-facing-router',
    resolveId(source, importer) {
      if (importer === rootDeclaration && Object.hasOwn(serverOnly, source))
        return `\0server-only/${source.replace(/\W/g, '-')}.d.ts`;
      return null;
    },
    load(id) {
      const source = Object.keys(serverOnly).find(
        (name) => id === `\0server-only/${name.replace(/\W/g, '-')}.d.ts`,
      );
      return source ? serverOnly[source] : null;
    },
  };

  const bundle = await rollup({
    input: Object.fromEntries(
      entries.map((entry) => [entry, path.join(declarations, `packages/sdk/src/${entry}.d.ts`)]),
    ),
    plugins: [clientFacing, dts({ respectExternal: false })],
    external: (id) => ALLOWED_IMPORTS.some((name) => id === name || id.startsWith(`${name}/`)),
  });
  await bundle.write({
    dir: distDirectory,
    format: 'es',
    entryFileNames: '[name].d.ts',
    chunkFileNames: 'shared-[hash].d.ts',
  });
  await bundle.close();
} finally {
  rmSync(declarations, { recursive: true, force: true });
}

// A declaration that imports anything else would not type-check for a consumer.
for (const file of readdirSync(distDirectory).filter((name) => name.endsWith('.d.ts'))) {
  const text = readFileSync(path.join(distDirectory, file), 'utf8');
  const imported = [
    ...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '([^']+)';$/gm),
    ...text.matchAll(/\bimport\("([^"]+)"\)/g),
  ].map((match) => match[1]);
  const stray = imported.filter(
    (specifier) =>
      !specifier.startsWith('./') &&
      !ALLOWED_IMPORTS.some((name) => specifier === name || specifier.startsWith(`${name}/`)),
  );
  if (stray.length > 0) {
    throw new Error(`dist/${file} imports ${[...new Set(stray)].join(', ')}`);
  }
}
console.info(`Built ${path.relative(process.cwd(), distDirectory)}`);
