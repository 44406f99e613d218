import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CASE_NAMES, type CaseName } from './cases/case';
import type { LoadSettings } from './measure';

export interface BenchOptions {
  /** Tenant sizes in customers, ascending. */
  sizes: number[];
  cases: CaseName[];
  load: LoadSettings;
  soakSeconds: number;
  /** The PostgreSQL server; the bench uses its database `clientele_bench_v2_<sizes>`. */
  serverUrl: string;
  redisUrl?: string;
  quick: boolean;
  /** Compare the ratios with this baseline file; exit 1 on a regression. */
  check?: string;
  /** Write the ratios of this run to this baseline file. */
  record?: string;
}

const DEFAULTS = {
  sizes: '100000,1000000',
  cases: CASE_NAMES.join(','),
  seconds: '5',
  rounds: '3',
  concurrency: '16',
  rate: '100',
  'soak-seconds': '300',
};

/**
 * --quick: small tenants and short runs, about 5 minutes once seeded (CI); three rounds, so that
 * one stalled round is not the median.
 */
const QUICK: Partial<typeof DEFAULTS> = {
  sizes: '5000,50000',
  seconds: '1',
  rounds: '3',
  'soak-seconds': '20',
};

/** The smallest tenant holding a customer with a full timeline (see seed-rows.ts). */
const MINIMUM_SIZE = 1000;

export const USAGE = `npm run bench -- [--sizes 100000,1000000] [--cases ${CASE_NAMES.join(',')}]
  [--seconds 5] [--rounds 3] [--concurrency 16] [--rate 100] [--soak-seconds 300]
  [--database-url postgres://…] [--redis-url redis://…] [--quick] [--check FILE | --record FILE]`;

function positiveNumbers(flag: string, text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value <= 0)) {
    throw new Error(`--${flag} must be positive whole numbers, not "${text}"`);
  }
  return values;
}

function caseNames(text: string): CaseName[] {
  const names = text.split(',').map((part) => part.trim());
  const unknown = names.filter((name) => !(CASE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown case ${unknown.join(', ')}; the cases are ${CASE_NAMES.join(', ')}`);
  }
  return CASE_NAMES.filter((name) => names.includes(name));
}

export function parseOptions(args: string[]): BenchOptions {
  const { values: flags } = parseArgs({
    args,
    options: {
      sizes: { type: 'string' },
      cases: { type: 'string' },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      concurrency: { type: 'string' },
      rate: { type: 'string' },
      'soak-seconds': { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      quick: { type: 'boolean', default: false },
      check: { type: 'string' },
      record: { type: 'string' },
    },
  });
  const setting = (name: keyof typeof DEFAULTS) =>
    flags[name] ?? (flags.quick ? QUICK[name] : undefined) ?? DEFAULTS[name];
  const one = (name: keyof typeof DEFAULTS) => positiveNumbers(name, setting(name))[0]!;

  const sizes = [...new Set(positiveNumbers('sizes', setting('sizes')))].sort((a, b) => a - b);
  if (sizes[0]! < MINIMUM_SIZE) {
    throw new Error(
      `--sizes: at least ${MINIMUM_SIZE} customers a tenant (some have full timelines)`,
    );
  }
  const cases = caseNames(setting('cases'));
  if (sizes.length < 2 && cases.some((name) => name === 'scale' || name === 'search')) {
    throw new Error('scale and search compare tenant sizes: give --sizes at least two sizes');
  }
  if (flags.check && flags.record) throw new Error('--check and --record go one at a time');
  if (flags.check && !existsSync(flags.check)) {
    throw new Error(
      `no baseline at ${flags.check}; record one with --quick --record ${flags.check}`,
    );
  }
  return {
    sizes,
    cases,
    load: {
      seconds: one('seconds'),
      rounds: one('rounds'),
      concurrency: one('concurrency'),
      rate: one('rate'),
    },
    soakSeconds: one('soak-seconds'),
    serverUrl:
      flags['database-url'] ??
      process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: flags['redis-url'],
    quick: flags.quick ?? false,
    check: flags.check,
    record: flags.record,
  };
}

/** The options as the JSON report keeps them: without a password in the server URL. */
export function publicOptions(options: BenchOptions): BenchOptions {
  const url = new URL(options.serverUrl);
  if (url.password) url.password = '***';
  return { ...options, serverUrl: url.toString() };
}
