/**
 * A thin wrapper over Chart.js for the progress and dashboard screens: line charts of percents over
 * attempts and bar charts of counts. Load it only with `import('./charts.ts')` so Chart.js stays out
 * of the startup bundle. Only the pieces used here are registered, so the rest is tree-shaken away.
 *
 * The wrapper draws; it does not describe. Callers give the canvas its `role="img"` and label and
 * put the same figures in a table next to it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  type PointStyle,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

/** Colours that read on the dark panel (see style.css). */
export const INK = '#f4efe6';
export const INK_SOFT = '#c9d3e6';
const GRID = '#2d4170';

export interface ChartHandle {
  destroy(): void;
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export interface LineSeries {
  label: string;
  color: string;
  /** One value per label; null leaves a gap. */
  data: (number | null)[];
  /** Per point: how it is drawn (e.g. 'circle' for practice, 'rectRot' for assessment). */
  pointStyle?: PointStyle[];
  pointRadius?: number[];
  /** Line width in pixels (default 2.5). */
  borderWidth?: number;
}

/** A dashed horizontal line across the plot, with a short label to the right of it. */
export interface ReferenceLine {
  value: number;
  color: string;
  /** Short: it has about 80 pixels ("Pass 60%"). */
  label: string;
}

export interface LineSpec {
  /** One per point, evenly spaced: the category names (also the tooltip's heading by default). */
  labels: string[];
  series: LineSeries[];
  references?: ReferenceLine[];
  yMin?: number;
  yMax?: number;
  yTitle?: string;
  xTitle?: string;
  /** Tooltip heading per point index (defaults to the label). */
  titles?: string[];
  formatValue?: (value: number) => string;
}

export interface BarSpec {
  labels: string[];
  series: { label: string; color: string; data: number[] }[];
  yTitle?: string;
  xTitle?: string;
  formatValue?: (value: number) => string;
  showLegend?: boolean;
}

/** Room on the right of the plot for the reference lines' labels. */
const REFERENCE_GUTTER = 92;

const referencePlugin = (lines: readonly ReferenceLine[]): Plugin<'line'> => ({
  id: 'bts-reference-lines',
  afterDatasetsDraw(chart) {
    const y = chart.scales.y;
    if (!y || lines.length === 0) return;
    const { left, right } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.lineWidth = 2;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    // Labels sit in the gutter, top to bottom, pushed apart when their lines are close.
    const placed = lines
      .map((line) => ({ line, py: y.getPixelForValue(line.value) }))
      .sort((a, b) => a.py - b.py);
    let lastLabel = Number.NEGATIVE_INFINITY;
    for (const { line, py } of placed) {
      ctx.strokeStyle = line.color;
      ctx.setLineDash([6, 5]);
      ctx.beginPath();
      ctx.moveTo(left, py);
      ctx.lineTo(right, py);
      ctx.stroke();
      const ly = Math.max(py, lastLabel + 14);
      lastLabel = ly;
      ctx.setLineDash([]);
      ctx.fillStyle = line.color;
      ctx.fillText(line.label, right + 8, ly, REFERENCE_GUTTER - 10);
    }
    ctx.restore();
  },
});

function axisOptions(title: string | undefined) {
  return {
    ticks: { color: INK_SOFT, font: { size: 12 } },
    grid: { color: GRID },
    border: { color: GRID },
    title: title ? { display: true, text: title, color: INK_SOFT, font: { size: 12 } } : { display: false },
  };
}

export function drawLineChart(canvas: HTMLCanvasElement, spec: LineSpec): ChartHandle {
  const format = spec.formatValue ?? ((v: number) => `${Math.round(v)}%`);
  const config: ChartConfiguration<'line', (number | null)[], string> = {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.data,
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: s.borderWidth ?? 2.5,
        pointStyle: s.pointStyle ?? 'circle',
        pointRadius: s.pointRadius ?? 4,
        pointHoverRadius: 8,
        pointBorderColor: s.color,
        pointBackgroundColor: s.color,
        tension: 0,
        spanGaps: true,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: prefersReducedMotion() ? false : { duration: 400 },
      // Every skill at the attempt nearest the pointer along x.
      interaction: { mode: 'index', axis: 'x', intersect: false },
      layout: { padding: { right: spec.references?.length ? REFERENCE_GUTTER : 8 } },
      scales: {
        x: { type: 'category', ...axisOptions(spec.xTitle) },
        y: {
          type: 'linear',
          min: spec.yMin ?? 0,
          max: spec.yMax ?? 100,
          ...axisOptions(spec.yTitle),
          ticks: { color: INK_SOFT, stepSize: 20, callback: (v) => format(Number(v)) },
        },
      },
      plugins: {
        legend: {
          labels: { color: INK, usePointStyle: true, boxWidth: 8, boxHeight: 8, font: { size: 13 } },
        },
        tooltip: {
          usePointStyle: true,
          callbacks: {
            title: (items) => {
              const i = items[0]?.dataIndex ?? 0;
              return spec.titles?.[i] ?? spec.labels[i] ?? '';
            },
            label: (item) => `${item.dataset.label ?? ''}: ${format(item.parsed.y ?? 0)}`,
          },
        },
      },
    },
    plugins: spec.references?.length ? [referencePlugin(spec.references)] : [],
  };
  const chart = new Chart(canvas, config);
  return { destroy: () => chart.destroy() };
}

export function drawBarChart(canvas: HTMLCanvasElement, spec: BarSpec): ChartHandle {
  const format = spec.formatValue ?? ((v: number) => String(v));
  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderColor: s.color,
        borderWidth: 1,
        borderRadius: 3,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: prefersReducedMotion() ? false : { duration: 400 },
      scales: {
        x: { type: 'category', ...axisOptions(spec.xTitle) },
        y: {
          type: 'linear',
          beginAtZero: true,
          ...axisOptions(spec.yTitle),
          ticks: { color: INK_SOFT, precision: 0 },
        },
      },
      plugins: {
        legend: { display: spec.showLegend ?? false, labels: { color: INK } },
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(item.parsed.y ?? 0)}` },
        },
      },
    },
  };
  const chart = new Chart(canvas, config);
  return { destroy: () => chart.destroy() };
}
