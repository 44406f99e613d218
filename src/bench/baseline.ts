import { readFileSync, writeFileSync } from 'node:fs';
import type { Measure } from './cases/case';

/** A ratio may get this much worse than recorded before the check fails (the runs are noisy). */
export const TOLERATED_FACTOR = 2;
/**
 * A p95 ratio between tenant sizes, from a quick run's 100 requests a round, moves by up to 3×
 * from run to run on its own; what it guards against (a lost index, a scan that grows with the
 * tenant) shows as 10× and more.
 */
export const TOLERATED_P95_FACTOR = 4;

export const toleranceOf = (key: string) =>
  key.endsWith('.p95Ratio') ? TOLERATED_P95_FACTOR : TOLERATED_FACTOR;

interface RecordedRatio {
  label: string;
  value: number;
  better: 'higher' | 'lower';
}

export interface Baseline {
  recordedAt: string;
  sizes: number[];
  ratios: Record<string, RecordedRatio>;
}

export interface RatioCheck {
  key: string;
  label: string;
  recorded: number;
  now: number;
  /** How many times worse than recorded (below 1: better). */
  worseBy: number;
  regressed: boolean;
}

export interface RegressionCheck {
  file: string;
  recordedAt: string;
  recordedSizes: number[];
  checks: RatioCheck[];
  /** Ratios of the baseline this run did not measure. */
  notMeasured: string[];
}

/** Writes the ratios of the run (never absolute figures) as the baseline. */
export function recordBaseline(file: string, measures: Measure[], sizes: number[]): void {
  const ratios = Object.fromEntries(
    measures
      .filter((m) => m.ratio)
      .map((m): [string, RecordedRatio] => [
        m.key,
        {
          label: m.label,
          value: Math.max(m.value, m.ratioFloor ?? -Infinity),
          better: m.target.comparison === '≥' ? 'higher' : 'lower',
        },
      ]),
  );
  const baseline: Baseline = { recordedAt: new Date().toISOString(), sizes, ratios };
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

export function checkAgainstBaseline(file: string, measures: Measure[]): RegressionCheck {
  const baseline = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
  const now = new Map(measures.map((m) => [m.key, m.value]));
  const checks = Object.entries(baseline.ratios)
    .filter(([key]) => now.has(key))
    .map(([key, recorded]): RatioCheck => {
      const value = now.get(key)!;
      const worseBy =
        recorded.better === 'higher' ? recorded.value / value : value / recorded.value;
      return {
        key,
        label: recorded.label,
        recorded: recorded.value,
        now: value,
        worseBy,
        regressed: worseBy > toleranceOf(key),
      };
    });
  return {
    file,
    recordedAt: baseline.recordedAt,
    recordedSizes: baseline.sizes,
    checks,
    notMeasured: Object.keys(baseline.ratios).filter((key) => !now.has(key)),
  };
}
