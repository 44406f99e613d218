import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATUSES } from '@/schemas/customers';
import { STATUS_COLOR_VARIABLES, statusColor } from './status-colors';

const css = readFileSync(path.join(process.cwd(), 'src/app/globals.css'), 'utf8');

/** Every `--status-*: oklch(L C h)` declared in the stylesheet, by variable. */
const declared = new Map(
  [...css.matchAll(/(--status-[a-z]+):\s*oklch\(([\d.]+)\s+([\d.]+)\s+([\d.]+)\)/g)].map(
    (match) => [match[1], [Number(match[2]), Number(match[3]), Number(match[4])] as const],
  ),
);

/** WCAG relative luminance of an OKLCH colour (clipped into sRGB). */
function luminance([l, c, h]: readonly [number, number, number]) {
  const a = c * Math.cos((h * Math.PI) / 180);
  const b = c * Math.sin((h * Math.PI) / 180);
  const l3 = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m3 = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s3 = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  const red = clip(4.0767416621 * l3 - 3.3077115913 * m3 + 0.2309699292 * s3);
  const green = clip(-1.2684380046 * l3 + 2.6097574011 * m3 - 0.3413193965 * s3);
  const blue = clip(-0.0041960863 * l3 - 0.7034186147 * m3 + 1.707614701 * s3);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

const contrastWithWhite = (color: readonly [number, number, number]) =>
  1.05 / (luminance(color) + 0.05);

describe('status colours', () => {
  it('names each status by its CSS variable', () => {
    expect(statusColor('lead')).toBe('var(--status-lead)');
    expect(statusColor('failed')).toBe('var(--status-failed)');
  });

  it('declares every status colour once, outside the dark theme, so both themes share it', () => {
    for (const variable of Object.values(STATUS_COLOR_VARIABLES)) {
      expect(declared.has(variable), variable).toBe(true);
      expect(css.split(`${variable}:`).length - 1, variable).toBe(1);
    }
    const dark = css.slice(css.indexOf('.dark {'), css.indexOf('}', css.indexOf('.dark {')));
    expect(dark).not.toContain('--status-');
  });

  it('keeps white badge text at WCAG AA contrast (4.5:1) on every status colour', () => {
    for (const [variable, color] of declared) {
      expect(contrastWithWhite(color), variable).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('tells the customer statuses apart', () => {
    const colors = CUSTOMER_STATUSES.map((status) =>
      JSON.stringify(declared.get(STATUS_COLOR_VARIABLES[status])),
    );
    expect(new Set(colors).size).toBe(CUSTOMER_STATUSES.length);
  });
});
