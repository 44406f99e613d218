import { readFileSync, writeFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function statusMbOf(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Peak resident set size of a process in MB, since it started or since resetPeakRss. */
export function peakRssMbOf(pid: number): number {
  return statusMbOf(pid, 'VmHWM');
}

/** Resident set size of a process now, in MB. */
export function rssMbOf(pid: number): number {
  return statusMbOf(pid, 'VmRSS');
}

/** Starts the peak (VmHWM) over from the current RSS, so a peak belongs to one measurement. */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * Waits until a process has used at most one clock tick of CPU in each of two half-seconds in
 * a row (it has finished the work of requests a client gave up on), for at most `timeoutMs`.
 */
export async function untilIdle(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let idleWindows = 0;
  let before = cpuSecondsOf(pid);
  while (idleWindows < 2 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuSecondsOf(pid);
    idleWindows = now - before <= 0.01 ? idleWindows + 1 : 0;
    before = now;
  }
}
