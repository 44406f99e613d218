import type { LoadSettings, Measurement } from '../measure';
import type { BenchTenant, TenantCredentials } from '../seed';
import type { ApiDatabase, RunningServer } from '../servers';

export const CASE_NAMES = [
  'list',
  'scale',
  'search',
  'create',
  'pglite',
  'memory',
  'webhooks',
  'fanout',
  'unread',
  'pooler',
  'caches',
] as const;
export type CaseName = (typeof CASE_NAMES)[number];

/** What every case is given: the settings, the seeded tenants, and the servers on demand. */
export interface BenchContext {
  load: LoadSettings;
  /** --quick: the cases that seed data of their own seed less of it and time fewer runs. */
  quick: boolean;
  soakSeconds: number;
  /** Ascending by size; the first is the base every other size is compared with. */
  tenants: BenchTenant[];
  /** The tenant that receives the customers created during the run. */
  writes: TenantCredentials;
  /** The PGlite directory seeded with the base tenant (when the pglite case runs). */
  pglite?: { dir: string; tenant: BenchTenant };
  /** Where a fresh API server finds its database. */
  database: ApiDatabase;
  /** The API on PostgreSQL and the floor, started on first use and shared by the cases. */
  api(): Promise<RunningServer>;
  floor(): Promise<RunningServer>;
  log(message: string): void;
}

export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Target {
  comparison: '≥' | '≤';
  value: number;
}

/** One figure with a target: a row of the summary. */
export interface Measure {
  case: CaseName;
  /** Stable name, the key of the baseline. */
  key: string;
  label: string;
  value: number;
  unit: '×' | 'ms' | 's' | 'MB';
  target: Target;
  met: boolean;
  /**
   * A ratio of two figures measured side by side, which the regression check compares with
   * the baseline (absolute times and sizes depend on the machine, and are never compared).
   */
  ratio: boolean;
  /**
   * Below this a ratio is noise (a larger tenant does not answer faster): the baseline records
   * at least this much, so that a lucky run does not make the next ordinary one a regression.
   */
  ratioFloor?: number;
}

export interface CaseReport {
  name: CaseName;
  title: string;
  description: string;
  tables: Table[];
  measures: Measure[];
  /** The figures behind the tables, for the JSON report. */
  results: unknown;
}

export const atLeast = (value: number): Target => ({ comparison: '≥', value });
export const atMost = (value: number): Target => ({ comparison: '≤', value });

export function measure(fields: Omit<Measure, 'met'>): Measure {
  const { comparison, value } = fields.target;
  return { ...fields, met: comparison === '≥' ? fields.value >= value : fields.value <= value };
}

export const MEASUREMENT_COLUMNS = [
  'req/s',
  'CPU µs/req',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'peak RSS MB',
];

/** Latency is marked "≥" when the server could not keep up with the rate (see openLoop). */
export function latencyCell(ms: number, unanswered: number): string {
  return `${unanswered > 0 ? '≥' : ''}${ms.toFixed(2)}`;
}

export function measurementCells(m: Measurement): string[] {
  return [
    m.requestsPerSecond.toFixed(0),
    m.cpuMicrosecondsPerRequest.toFixed(0),
    latencyCell(m.p50Ms, m.unanswered),
    latencyCell(m.p95Ms, m.unanswered),
    latencyCell(m.p99Ms, m.unanswered),
    m.peakRssMb.toFixed(0),
  ];
}

/**
 * Each variant's measurement with its throughput and CPU per request beside them as ratios to
 * the variant named `against` (the floor, the cache off).
 */
export function ratioTable(
  rows: (Measurement & { variant: string; throughputRatio: number; cpuRatio: number })[],
  against: string,
): Table {
  return {
    columns: [
      'variant',
      'req/s',
      `× ${against}`,
      'CPU µs/req',
      `× ${against}`,
      ...MEASUREMENT_COLUMNS.slice(2),
    ],
    rows: rows.map((row) => {
      const [rps, cpu, ...latencyAndRss] = measurementCells(row);
      return [
        row.variant,
        rps!,
        row.throughputRatio.toFixed(2),
        cpu!,
        row.cpuRatio.toFixed(2),
        ...latencyAndRss,
      ];
    }),
  };
}

export const sizeLabel = (customers: number) => customers.toLocaleString('en');
