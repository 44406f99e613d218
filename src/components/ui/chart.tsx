'use client';

import * as React from 'react';
import * as RechartsPrimitive from 'recharts';
import type { LegendPayload, TooltipPayloadEntry } from 'recharts';
import { cn } from '@/lib/utils';

/**
 * A chart wrapper in the manner of shadcn/ui's chart component: a `config` names each series
 * (its label and color) and exposes the colors as CSS variables `--color-<key>`, so series are
 * drawn with `fill="var(--color-revenue)"`; tooltip and legend contents read the same labels.
 *
 * Every chart is a <figure> with an accessible name and a visually hidden table of its numbers,
 * because the SVG itself says little to a screen reader.
 */

/**
 * The palette, for light and dark themes. globals.css does not define --chart-1 … --chart-5, so
 * the charts define them; config colors can use `var(--chart-1)` and friends.
 */
const PALETTE = {
  light: [
    'oklch(0.646 0.222 41.116)',
    'oklch(0.6 0.118 184.704)',
    'oklch(0.398 0.07 227.392)',
    'oklch(0.828 0.189 84.429)',
    'oklch(0.769 0.188 70.08)',
  ],
  dark: [
    'oklch(0.488 0.243 264.376)',
    'oklch(0.696 0.17 162.48)',
    'oklch(0.769 0.188 70.08)',
    'oklch(0.627 0.265 303.9)',
    'oklch(0.645 0.246 16.439)',
  ],
} as const;

const paletteRule = (selector: string, colors: readonly string[]) =>
  `${selector} {${colors.map((color, i) => ` --chart-${i + 1}: ${color};`).join('')} }`;

/** Constant CSS (no data in it), hoisted and deduplicated by React. */
const PALETTE_CSS = [
  paletteRule('[data-slot=chart]', PALETTE.light),
  paletteRule('.dark [data-slot=chart]', PALETTE.dark),
].join('\n');

/** `var(--chart-N)` for the Nth series (0-based), cycling through the five colors. */
export function chartColor(index: number): string {
  return `var(--chart-${(index % PALETTE.light.length) + 1})`;
}

export type ChartConfig = Record<
  string,
  {
    label?: React.ReactNode;
    icon?: React.ComponentType;
    /** Any CSS color, e.g. `var(--chart-1)`. */
    color?: string;
  }
>;

/** The CSS variable name for a config key; keys may hold any text (a currency code, a status). */
export function chartKey(key: string): string {
  return key.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/** `var(--color-<key>)`: the color the config gives a series. */
export function seriesColor(key: string): string {
  return `var(--color-${chartKey(key)})`;
}

interface ChartContextProps {
  config: ChartConfig;
}

const ChartContext = React.createContext<ChartContextProps | null>(null);

function useChart() {
  const context = React.useContext(ChartContext);
  if (!context) throw new Error('useChart must be used within a <ChartContainer />');
  return context;
}

export interface ChartDataTableProps {
  /** Column headings, e.g. ["Month", "Revenue"]. */
  headers: readonly string[];
  /** One row per data point; the first cell names the point. */
  rows: readonly { key: string; cells: readonly React.ReactNode[] }[];
}

/** The chart's numbers as a table, for screen readers only. */
export function ChartDataTable({
  caption,
  headers,
  rows,
}: ChartDataTableProps & { caption: string }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={i} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChartContainer({
  id,
  className,
  children,
  config,
  label,
  table,
  ...props
}: Omit<React.ComponentProps<'div'>, 'children'> & {
  config: ChartConfig;
  /** The chart's accessible name (a visually hidden caption). */
  label: string;
  /** The numbers the chart shows, as a visually hidden table. */
  table: ChartDataTableProps;
  children: React.ReactNode;
}) {
  const uniqueId = React.useId();
  const chartId = `chart-${id ?? uniqueId.replace(/:/g, '')}`;
  const colors = Object.fromEntries(
    Object.entries(config).flatMap(([key, item]) =>
      item.color ? [[`--color-${chartKey(key)}`, item.color]] : [],
    ),
  ) as React.CSSProperties;
  const context = React.useMemo(() => ({ config }), [config]);

  return (
    <ChartContext.Provider value={context}>
      <figure className="grid min-w-0 gap-2">
        <figcaption className="sr-only">{label}</figcaption>
        <style href="clientele-chart-palette" precedence="default">
          {PALETTE_CSS}
        </style>
        <div
          data-slot="chart"
          data-chart={chartId}
          className={cn(
            "flex aspect-video justify-center text-xs [&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground [&_.recharts-cartesian-grid_line[stroke='#ccc']]:stroke-border/50 [&_.recharts-curve.recharts-tooltip-cursor]:stroke-border [&_.recharts-dot[stroke='#fff']]:stroke-transparent [&_.recharts-layer]:outline-hidden [&_.recharts-polar-grid_[stroke='#ccc']]:stroke-border [&_.recharts-radial-bar-background-sector]:fill-muted [&_.recharts-rectangle.recharts-tooltip-cursor]:fill-muted [&_.recharts-reference-line_[stroke='#ccc']]:stroke-border [&_.recharts-sector]:outline-hidden [&_.recharts-sector[stroke='#fff']]:stroke-transparent [&_.recharts-surface:focus-visible]:rounded-sm [&_.recharts-surface:focus-visible]:outline-2 [&_.recharts-surface:focus-visible]:outline-offset-2 [&_.recharts-surface:focus-visible]:outline-ring",
            className,
          )}
          style={colors}
          {...props}
        >
          <RechartsPrimitive.ResponsiveContainer initialDimension={{ width: 320, height: 200 }}>
            {children}
          </RechartsPrimitive.ResponsiveContainer>
        </div>
        <ChartDataTable caption={label} headers={table.headers} rows={table.rows} />
      </figure>
    </ChartContext.Provider>
  );
}

const ChartTooltip = RechartsPrimitive.Tooltip;

/** The config entry for a tooltip or legend item: by its name key, else by `key` itself. */
function getPayloadConfigFromPayload(config: ChartConfig, payload: unknown, key: string) {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const inner =
    'payload' in payload && typeof payload.payload === 'object' && payload.payload !== null
      ? (payload.payload as Record<string, unknown>)
      : undefined;
  const outer = payload as Record<string, unknown>;
  let configKey = key;
  if (Object.hasOwn(outer, key) && typeof outer[key] === 'string') configKey = outer[key];
  else if (inner && Object.hasOwn(inner, key) && typeof inner[key] === 'string')
    configKey = inner[key];
  if (Object.hasOwn(config, configKey)) return config[configKey];
  return Object.hasOwn(config, key) ? config[key] : undefined;
}

type TooltipValue = TooltipPayloadEntry['value'];

function formatTooltipValue(value: TooltipValue): React.ReactNode {
  if (value === undefined) return null;
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'string') return value;
  return value.map((part) => part.toLocaleString()).join(' – ');
}

export interface ChartTooltipContentProps extends Omit<React.ComponentProps<'div'>, 'color'> {
  /** Set by recharts. */
  active?: boolean;
  /** Set by recharts. */
  payload?: readonly TooltipPayloadEntry[];
  /** Set by recharts: the category (x value) under the pointer. */
  label?: React.ReactNode;
  labelFormatter?: (
    label: React.ReactNode,
    payload: readonly TooltipPayloadEntry[],
  ) => React.ReactNode;
  /** Formats one item's value, e.g. as money. */
  valueFormatter?: (value: NonNullable<TooltipValue>, item: TooltipPayloadEntry) => React.ReactNode;
  labelClassName?: string;
  /** The indicator color for every item (default: the item's own). */
  color?: string;
  hideLabel?: boolean;
  hideIndicator?: boolean;
  indicator?: 'line' | 'dot' | 'dashed';
  /** The payload field that names an item's config entry (default: the data key). */
  nameKey?: string;
  /** The payload field that names the label's config entry. */
  labelKey?: string;
}

function ChartTooltipContent({
  active,
  payload,
  className,
  indicator = 'dot',
  hideLabel = false,
  hideIndicator = false,
  label,
  labelFormatter,
  valueFormatter,
  labelClassName,
  color,
  nameKey,
  labelKey,
}: ChartTooltipContentProps) {
  const { config } = useChart();

  if (!active || !payload?.length) return null;

  const tooltipLabel = (() => {
    if (hideLabel) return null;
    const [item] = payload;
    const key = `${labelKey ?? item?.dataKey ?? item?.name ?? 'value'}`;
    const itemConfig = getPayloadConfigFromPayload(config, item, key);
    const value =
      !labelKey && typeof label === 'string'
        ? ((Object.hasOwn(config, label) ? config[label]?.label : undefined) ?? label)
        : itemConfig?.label;
    const content = labelFormatter ? labelFormatter(value, payload) : value;
    if (content === null || content === undefined || content === '') return null;
    return <div className={cn('font-medium', labelClassName)}>{content}</div>;
  })();

  const nestLabel = payload.length === 1 && indicator !== 'dot';

  return (
    <div
      className={cn(
        'grid min-w-[8rem] items-start gap-1.5 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl',
        className,
      )}
    >
      {!nestLabel ? tooltipLabel : null}
      <div className="grid gap-1.5">
        {payload
          .filter((item) => item.type !== 'none')
          .map((item, index) => {
            const key = `${nameKey ?? item.name ?? item.dataKey ?? 'value'}`;
            const itemConfig = getPayloadConfigFromPayload(config, item, key);
            const itemPayload = item.payload as { fill?: unknown } | undefined;
            const indicatorColor =
              color ?? (typeof itemPayload?.fill === 'string' ? itemPayload.fill : item.color);
            const Icon = itemConfig?.icon;
            return (
              <div
                key={`${String(item.dataKey ?? item.name ?? '')}-${index}`}
                className={cn(
                  'flex w-full flex-wrap items-stretch gap-2 [&>svg]:h-2.5 [&>svg]:w-2.5 [&>svg]:text-muted-foreground',
                  indicator === 'dot' && 'items-center',
                )}
              >
                {Icon ? (
                  <Icon />
                ) : hideIndicator ? null : (
                  <div
                    aria-hidden="true"
                    className={cn(
                      'shrink-0 rounded-[2px] border-(--indicator) bg-(--indicator)',
                      indicator === 'dot' && 'h-2.5 w-2.5',
                      indicator === 'line' && 'w-1',
                      indicator === 'dashed' && 'w-0 border-[1.5px] border-dashed bg-transparent',
                      nestLabel && indicator === 'dashed' && 'my-0.5',
                    )}
                    style={{ '--indicator': indicatorColor } as React.CSSProperties}
                  />
                )}
                <div
                  className={cn(
                    'flex flex-1 justify-between gap-4 leading-none',
                    nestLabel ? 'items-end' : 'items-center',
                  )}
                >
                  <div className="grid gap-1.5">
                    {nestLabel ? tooltipLabel : null}
                    <span className="text-muted-foreground">{itemConfig?.label ?? item.name}</span>
                  </div>
                  {item.value !== undefined ? (
                    <span className="font-mono font-medium text-foreground tabular-nums">
                      {valueFormatter
                        ? valueFormatter(item.value, item)
                        : formatTooltipValue(item.value)}
                    </span>
                  ) : null}
                </div>
              </div>
            );
          })}
      </div>
    </div>
  );
}

const ChartLegend = RechartsPrimitive.Legend;

function ChartLegendContent({
  className,
  hideIcon = false,
  payload,
  verticalAlign = 'bottom',
  nameKey,
}: React.ComponentProps<'div'> & {
  /** Set by recharts. */
  payload?: readonly LegendPayload[];
  verticalAlign?: 'top' | 'bottom' | 'middle';
  hideIcon?: boolean;
  nameKey?: string;
}) {
  const { config } = useChart();
  if (!payload?.length) return null;

  return (
    <ul
      className={cn(
        'flex flex-wrap items-center justify-center gap-4',
        verticalAlign === 'top' ? 'pb-3' : 'pt-3',
        className,
      )}
    >
      {payload
        .filter((item) => item.type !== 'none')
        .map((item, index) => {
          const key = `${nameKey ?? item.dataKey ?? 'value'}`;
          const itemConfig = getPayloadConfigFromPayload(config, item, key);
          const Icon = itemConfig?.icon;
          return (
            <li
              key={`${item.value ?? ''}-${index}`}
              className="flex items-center gap-1.5 [&>svg]:h-3 [&>svg]:w-3 [&>svg]:text-muted-foreground"
            >
              {Icon && !hideIcon ? (
                <Icon />
              ) : (
                <span
                  aria-hidden="true"
                  className="h-2 w-2 shrink-0 rounded-[2px]"
                  style={{ backgroundColor: item.color }}
                />
              )}
              {itemConfig?.label ?? item.value}
            </li>
          );
        })}
    </ul>
  );
}

export {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  ChartLegend,
  ChartLegendContent,
  useChart,
};
