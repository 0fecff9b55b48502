import { esc, num } from './escape';

/**
 * Small chart primitives drawn server-side as inline SVG (no script, no external reference): a line chart, a
 * scatter plot and a horizontal bar chart. Coordinates are numbers we compute; every label goes through `esc`.
 */
const W = 420;
const H = 300;
const M = { left: 56, right: 16, top: 28, bottom: 44 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#7f7f7f'];

export interface Series {
  label: string;
  x: number[];
  y: number[];
}

interface Frame {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
}

function extent(values: number[], fallback: [number, number]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return fallback;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  return [lo, hi];
}

function scales(frame: Frame, xs: number[], ys: number[]) {
  const [x0, x1] = frame.xDomain ?? extent(xs, [0, 1]);
  const [y0, y1] = frame.yDomain ?? extent(ys, [0, 1]);
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  return { sx, sy, x0, x1, y0, y1 };
}

function axes(frame: Frame, s: ReturnType<typeof scales>): string {
  const ticks = (lo: number, hi: number) => [0, 0.25, 0.5, 0.75, 1].map((t) => lo + t * (hi - lo));
  const xt = ticks(s.x0, s.x1)
    .map(
      (v) =>
        `<text x="${s.sx(v).toFixed(1)}" y="${H - M.bottom + 14}" text-anchor="middle">${esc(num(v, 2))}</text>`,
    )
    .join('');
  const yt = ticks(s.y0, s.y1)
    .map(
      (v) =>
        `<text x="${M.left - 4}" y="${(s.sy(v) + 3).toFixed(1)}" text-anchor="end">${esc(num(v, 2))}</text>`,
    )
    .join('');
  return [
    `<text x="${W / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(frame.title)}</text>`,
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#444"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#444"/>`,
    xt,
    yt,
    `<text x="${W / 2}" y="${H - 8}" text-anchor="middle">${esc(frame.xLabel)}</text>`,
    `<text x="12" y="${H / 2}" text-anchor="middle" transform="rotate(-90 12 ${H / 2})">${esc(frame.yLabel)}</text>`,
  ].join('');
}

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="10">${body}</svg>`;

function legend(series: Series[]): string {
  if (series.length < 2) return '';
  return series
    .map(
      (s, i) =>
        `<text x="${W - M.right - 4}" y="${M.top + 12 * i + 8}" text-anchor="end" fill="${COLORS[i % COLORS.length]}">${esc(s.label)}</text>`,
    )
    .join('');
}

/** Lines through each series' points; `diagonal` adds the y = x reference (ROC, reliability, predicted vs actual). */
export function lineChart(
  frame: Frame,
  series: Series[],
  options: { diagonal?: boolean; markers?: boolean } = {},
): string {
  const s = scales(
    frame,
    series.flatMap((d) => d.x),
    series.flatMap((d) => d.y),
  );
  const lines = series
    .map((d, i) => {
      const color = COLORS[i % COLORS.length];
      const points = d.x
        .map((x, j) => [s.sx(x), s.sy(d.y[j])])
        .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
      const path = `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`;
      const marks = options.markers
        ? points
            .map(([a, b]) => `<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="2.5" fill="${color}"/>`)
            .join('')
        : '';
      return path + marks;
    })
    .join('');
  const diagonal = options.diagonal
    ? `<line x1="${s.sx(Math.max(s.x0, s.y0)).toFixed(1)}" y1="${s.sy(Math.max(s.x0, s.y0)).toFixed(1)}" x2="${s.sx(Math.min(s.x1, s.y1)).toFixed(1)}" y2="${s.sy(Math.min(s.x1, s.y1)).toFixed(1)}" stroke="#aaa" stroke-dasharray="4 3"/>`
    : '';
  return svg(axes(frame, s) + diagonal + lines + legend(series));
}

/** Points; `zeroLine` draws y = 0 (residuals), `diagonal` y = x (predicted vs actual). */
export function scatterChart(
  frame: Frame,
  x: number[],
  y: number[],
  options: { zeroLine?: boolean; diagonal?: boolean } = {},
): string {
  const s = scales(frame, options.diagonal ? [...x, ...y] : x, options.diagonal ? [...x, ...y] : y);
  const dots = x
    .map(
      (v, i) =>
        `<circle cx="${s.sx(v).toFixed(1)}" cy="${s.sy(y[i]).toFixed(1)}" r="1.8" fill="#1f77b4" fill-opacity="0.5"/>`,
    )
    .join('');
  const zero =
    options.zeroLine && s.y0 < 0 && s.y1 > 0
      ? `<line x1="${M.left}" y1="${s.sy(0).toFixed(1)}" x2="${W - M.right}" y2="${s.sy(0).toFixed(1)}" stroke="#aaa" stroke-dasharray="4 3"/>`
      : '';
  const diagonal = options.diagonal
    ? `<line x1="${s.sx(s.x0).toFixed(1)}" y1="${s.sy(s.x0).toFixed(1)}" x2="${s.sx(s.x1).toFixed(1)}" y2="${s.sy(s.x1).toFixed(1)}" stroke="#aaa" stroke-dasharray="4 3"/>`
    : '';
  return svg(axes(frame, s) + zero + diagonal + dots);
}

/** Horizontal bars with a label each (importance, categorical partial dependence); `errors` draws ± whiskers. */
export function barChart(title: string, labels: string[], values: number[], errors?: number[]): string {
  const rowH = 16;
  const height = Math.max(80, M.top + rowH * labels.length + 24);
  const labelW = 150;
  const hi = Math.max(0, ...values.map((v, i) => v + (errors?.[i] ?? 0)).filter(Number.isFinite));
  const lo = Math.min(0, ...values.filter(Number.isFinite));
  const span = hi - lo || 1;
  const sx = (v: number) => labelW + ((v - lo) / span) * (W - labelW - M.right - 40);
  const bars = labels
    .map((label, i) => {
      const y = M.top + i * rowH;
      const v = Number.isFinite(values[i]) ? values[i] : 0;
      const x0 = sx(Math.min(0, v));
      const width = Math.abs(sx(v) - sx(0));
      const short = label.length > 24 ? `${label.slice(0, 23)}…` : label;
      const err = errors?.[i] ?? 0;
      const whisker =
        err > 0
          ? `<line x1="${sx(v - err).toFixed(1)}" y1="${y + 6}" x2="${sx(v + err).toFixed(1)}" y2="${y + 6}" stroke="#333"/>`
          : '';
      return `<text x="${labelW - 4}" y="${y + 9}" text-anchor="end">${esc(short)}</text><rect x="${x0.toFixed(1)}" y="${y + 1}" width="${width.toFixed(1)}" height="${rowH - 4}" fill="#1f77b4"/>${whisker}<text x="${(sx(Math.max(0, v)) + 4).toFixed(1)}" y="${y + 9}">${esc(num(values[i], 3))}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="sans-serif" font-size="10"><text x="${W / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(title)}</text>${bars}</svg>`;
}
