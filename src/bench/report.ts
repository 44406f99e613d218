import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TOLERATED_FACTOR, TOLERATED_P95_FACTOR, type RegressionCheck } from './baseline';
import { sizeLabel, type CaseReport, type Measure, type Table } from './cases/case';
import type { Machine } from './environment';
import type { BenchOptions } from './options';

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  options: BenchOptions;
  machine: Machine;
  versions: Record<string, string>;
  cases: CaseReport[];
  summary: Measure[];
  regressionCheck?: RegressionCheck;
}

const isFigure = (cell: string) => /^[≥-]?[\d.,]+/.test(cell) || cell === '';

/** A markdown table; columns of figures are right-aligned. */
function markdownTable({ columns, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const alignment = columns.map((_, index) =>
    rows.every((row) => isFigure(row[index] ?? '')) ? '---:' : '---',
  );
  return [line(columns), line(alignment), ...rows.map(line)].join('\n');
}

const loadAverage = (values: number[] | undefined) =>
  (values ?? []).map((value) => value.toFixed(2)).join(' ');

function header(report: BenchReport): string {
  const { machine, options } = report;
  const { load } = options;
  return [
    `# Clientele benchmark, ${report.startedAt}`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}); load average ${loadAverage(machine.loadAverageAtStart)} ` +
      `at start, ${loadAverage(machine.loadAverageAtEnd)} at end; Node ${machine.node}; PostgreSQL ${machine.postgres}.`,
    '',
    `Packages: ${Object.entries(report.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    '',
    `Tenants of ${options.sizes.map(sizeLabel).join(' and ')} customers in one database. ` +
      `Each figure is the median over rounds (${load.rounds}), variants interleaved; a round is ` +
      `${load.seconds} s closed loop at concurrency ${load.concurrency} (req/s, server CPU per request) ` +
      `then ${load.seconds} s open loop at ${load.rate} req/s (latency from each request's scheduled time). ` +
      `Latencies marked ≥ are lower bounds: the server fell behind the rate, and what was still ` +
      `unanswered a while after the schedule ended was given up on. ` +
      `Rate limits counted in ${options.redisUrl ? 'Redis' : 'memory'}.`,
  ].join('\n');
}

function caseSection(report: CaseReport): string {
  return [
    `## ${report.name}: ${report.title}`,
    '',
    report.description,
    ...report.tables.flatMap((table) => ['', markdownTable(table)]),
  ].join('\n');
}

function formatValue(value: number, unit: Measure['unit']): string {
  return unit === '×' ? `${value.toFixed(2)}×` : `${value.toFixed(unit === 'MB' ? 0 : 2)} ${unit}`;
}

function summarySection(measures: Measure[]): string {
  return [
    '## Summary',
    '',
    markdownTable({
      columns: ['case', 'measure', 'value', 'target', 'met'],
      rows: measures.map((m) => [
        m.case,
        m.label,
        formatValue(m.value, m.unit),
        `${m.target.comparison} ${formatValue(m.target.value, m.unit)}`,
        m.met ? 'yes' : '**no**',
      ]),
    }),
  ].join('\n');
}

function regressionSection(check: RegressionCheck): string {
  const regressions = check.checks.filter((c) => c.regressed);
  return [
    `## Regression check against ${check.file}`,
    '',
    `Recorded ${check.recordedAt} with tenants of ${check.recordedSizes.map(sizeLabel).join(' and ')}; ` +
      `a ratio regresses when more than ${TOLERATED_FACTOR}× worse than recorded ` +
      `(a p95 ratio between tenant sizes: ${TOLERATED_P95_FACTOR}×). ` +
      (regressions.length === 0
        ? 'No regression.'
        : `${regressions.length} regression(s): ${regressions.map((r) => r.key).join(', ')}.`),
    ...(check.notMeasured.length > 0
      ? ['', `Not measured this run: ${check.notMeasured.join(', ')}.`]
      : []),
    '',
    markdownTable({
      columns: ['ratio', 'recorded', 'now', 'worse by', 'regressed'],
      rows: check.checks.map((c) => [
        c.label,
        c.recorded.toFixed(2),
        c.now.toFixed(2),
        `${c.worseBy.toFixed(2)}×`,
        c.regressed ? '**yes**' : 'no',
      ]),
    }),
  ].join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  return [
    header(report),
    ...report.cases.map(caseSection),
    summarySection(report.summary),
    ...(report.regressionCheck ? [regressionSection(report.regressionCheck)] : []),
  ].join('\n\n');
}

/**
 * Writes a bench's result as JSON under .data/bench/, named by the bench and the time it
 * started (`ui-2026-12-05T12-15-29-635Z.json`); returns the file's path.
 */
export function writeBenchJson(bench: string, startedAt: string, result: unknown): string {
  const directory = path.join('.data', 'bench');
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${bench}-${startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
