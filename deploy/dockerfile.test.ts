import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/env';
import { dockerInstructions, readRepositoryFile } from './files';

const dockerfile = readRepositoryFile('deploy/Dockerfile');
const instructions = dockerInstructions(dockerfile);
const stages = instructions
  .filter((instruction) => instruction.keyword === 'FROM')
  .map((instruction) => /^(\S+)\s+AS\s+(\S+)$/i.exec(instruction.args));
const runtime = instructions.slice(
  instructions.findLastIndex((instruction) => instruction.keyword === 'FROM'),
);
const argument = (name: string) =>
  new RegExp(`^${name}=(.*)$`).exec(
    instructions.find((instruction) => instruction.args.startsWith(`${name}=`))?.args ?? '',
  )?.[1];
const last = (keyword: string) =>
  runtime.findLast((instruction) => instruction.keyword === keyword)?.args;

describe('deploy/Dockerfile', () => {
  it('passes dockerfile-utils validation with no diagnostic', () => {
    expect(validate(dockerfile)).toEqual([]);
  });

  it('builds in stages and runs on node:20-bookworm-slim, pinned by tag', () => {
    expect(stages.map((stage) => stage?.[2])).toEqual(['deps', 'build', 'runtime']);
    expect(stages.every((stage) => stage?.[1] === '${NODE_IMAGE}')).toBe(true);
    expect(argument('NODE_IMAGE')).toBe('node:20-bookworm-slim');
    const run = (stage: string) =>
      instructions
        .slice(instructions.findIndex((i) => i.keyword === 'FROM' && i.args.endsWith(stage)))
        .find((instruction) => instruction.keyword === 'RUN')?.args;
    expect(run('deps')).toMatch(/npm ci\b/);
    expect(run('build')).toMatch(/npm run build && npm run deploy:assemble/);
  });

  it('copies one assembled directory into the runtime stage and runs it as node', () => {
    const copies = runtime.filter((instruction) => instruction.keyword === 'COPY');
    expect(copies.map((copy) => copy.args)).toEqual(['--from=build /app/.next/standalone ./']);
    expect(last('USER')).toBe('node');
    expect(last('ENV')).toMatch(/\bNODE_ENV=production\b/);
  });

  it("listens where the app listens, and checks its health with node's fetch", () => {
    const port = Number(/\bPORT=(\d+)/.exec(last('ENV') ?? '')?.[1]);
    expect(port).toBe(parseEnv({}).PORT);
    expect(last('EXPOSE')).toBe(String(port));
    const healthcheck = last('HEALTHCHECK') ?? '';
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/api\/health/);
    expect(healthcheck).not.toMatch(/curl|wget/);
  });

  it('starts the bundled server, and the CLI is in the same directory', () => {
    expect(JSON.parse(last('CMD') ?? 'null')).toEqual(['node', 'dist/server/main.mjs']);
    const buildServer = (
      JSON.parse(readRepositoryFile('package.json')) as { scripts: Record<string, string> }
    ).scripts['build:server'];
    expect(buildServer).toMatch(/src\/server\/main\.ts src\/cli\/main\.ts .*--outdir=dist/);
    expect(readRepositoryFile('deploy/assemble.mjs')).toMatch(
      /\['dist\/server\/main\.mjs', 'dist\/cli\/main\.mjs'\]/,
    );
  });

  it('has an ignore file that leaves out local state and keeps what the build reads', () => {
    const ignored = readRepositoryFile('deploy/Dockerfile.dockerignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    for (const pattern of ['**/node_modules', '.next', 'dist', '.data', '.git', '**/.env']) {
      expect(ignored).toContain(pattern);
    }
    expect(ignored).toContain('e2e/artifacts');
    expect(ignored).toContain('.scratch');
    for (const needed of ['package.json', 'package-lock.json', 'patches', 'src', 'deploy']) {
      expect(ignored).not.toContain(needed);
    }
  });
});
