import type { ModelCharts } from '../charts/types';
import type { Leaderboard } from '../leaderboard/types';
import { chartSections } from './chart-sections';
import { esc, num } from './escape';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

interface ReportModel {
  name: string;
  version: number;
  stage: string;
  task: string;
  family: string;
  target: string;
  datasetName: string;
  createdAt: string;
  metrics: Record<string, number>;
  split: { strategy: string; nTrain: number; nTest: number };
  schema: {
    columns: {
      name: string;
      type: string;
      categories?: string[];
      min?: number;
      max?: number;
      missing?: number;
    }[];
  };
  excluded: { name: string; reason: string }[];
  classes: string[] | null;
  threshold: { value: number; positiveClass: string; goal?: Record<string, unknown> | null } | null;
  calibration: string | null;
  lineage: unknown;
  sha256: string;
  codeVersion: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}
h1{font-size:1.5rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.flag{color:#b35900}.charts{display:flex;flex-wrap:wrap;gap:1rem}
figure{margin:0}figcaption{font-size:.8rem;color:#555;max-width:420px}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.85rem}
dt{font-weight:600}dd{margin:0;word-break:break-all}code{font-size:.8rem}`;

/** A lineage value as text: fractions to 6 significant digits (a metric needs no 16), the rest as it is. */
const leaf = (v: unknown): string =>
  v === null
    ? '—'
    : typeof v === 'number' && !Number.isInteger(v)
      ? String(Number(v.toPrecision(6)))
      : String(v);

/** Leaves of the lineage as dotted paths with their values (arrays of plain values joined). */
function flatten(value: unknown, path: string, out: [string, string][]): void {
  if (value === null || typeof value !== 'object') out.push([path, leaf(value)]);
  else if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    out.push([path, value.map(leaf).join(', ')]);
  else for (const [k, v] of Object.entries(value)) flatten(v, path === '' ? k : `${path}.${k}`, out);
}

function dataSummary(m: ReportModel): string {
  const rows = m.schema.columns
    .map((c) => {
      const detail =
        c.categories !== undefined
          ? `${c.categories.length} categories: ${c.categories.slice(0, 5).join(', ')}${c.categories.length > 5 ? ', …' : ''}`
          : `${num(c.min)} … ${num(c.max)}`;
      return `<tr><td>${esc(c.name)}</td><td>${esc(c.type)}</td><td>${esc(detail)}</td><td class="n">${esc(num(c.missing ?? null))}</td></tr>`;
    })
    .join('');
  const excluded = m.excluded.map((e) => `<li>${esc(e.name)}: ${esc(e.reason)}</li>`).join('');
  return `<h2>Data</h2><p>Data set <b>${esc(m.datasetName)}</b>, target <b>${esc(m.target)}</b>${m.classes ? ` (classes: ${esc(m.classes.join(', '))})` : ''}.
Split: ${esc(m.split.strategy)}, ${esc(num(m.split.nTrain))} training rows, ${esc(num(m.split.nTest))} holdout rows.</p>
<table><thead><tr><th>feature</th><th>type</th><th>range or categories</th><th>missing</th></tr></thead><tbody>${rows}</tbody></table>
${excluded === '' ? '' : `<p>Not used as features:</p><ul>${excluded}</ul>`}`;
}

function leaderboardSection(lb: Leaderboard | null): string {
  if (lb === null) return '';
  const others = lb.metrics.filter((name) => name !== lb.metric).slice(0, 4);
  const head = `<tr><th>rank</th><th>family</th><th>${esc(lb.metric)} (mean ± std)</th>${others.map((o) => `<th>${esc(o)}</th>`).join('')}<th>fit s / fold</th><th>flags</th></tr>`;
  const body = lb.rows
    .map((r) => {
      const p = r.metrics[lb.metric];
      const flags = [
        r.flags.isLeader ? 'leader' : '',
        r.flags.isBaseline ? 'baseline' : '',
        r.flags.notBetterThanBaseline && !r.flags.isBaseline ? 'not better than the baseline' : '',
        r.flags.tiedWithLeader ? 'tied with the leader' : '',
        r.status === 'failed' ? `failed: ${r.error ?? ''}` : '',
      ].filter((f) => f !== '');
      return `<tr><td class="n">${esc(r.rank)}</td><td>${esc(r.family)}</td><td class="n">${esc(num(p?.mean))} ± ${esc(num(p?.std))}</td>${others
        .map((o) => `<td class="n">${esc(num(r.metrics[o]?.mean))}</td>`)
        .join(
          '',
        )}<td class="n">${esc(num(r.fitSeconds.mean, 3))}</td><td class="flag">${esc(flags.join('; '))}</td></tr>`;
    })
    .join('');
  return `<h2>Leaderboard</h2><p>${esc(lb.cv.k)}-fold ${esc(lb.cv.strategy)} cross-validation on the training rows; flags from a one-sided Nadeau–Bengio corrected t-test over folds at 5%.</p><table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** How a saved threshold was chosen, as a clause (escaped with the rest of the sentence). */
function goalText(goal: Record<string, unknown> | null | undefined): string {
  if (!goal) return '';
  if (goal.metric === 'f1') return ', chosen for the best F1 on out-of-fold predictions';
  if (goal.metric === 'recall_at_precision')
    return `, chosen for the best recall at precision ≥ ${num(goal.minPrecision, 2)} on out-of-fold predictions`;
  if (goal.metric === 'min_cost')
    return `, chosen for the lowest cost (false positive ${num(goal.costFalsePositive)}, false negative ${num(goal.costFalseNegative)}) on out-of-fold predictions`;
  return '';
}

/**
 * The model report: one HTML file with no script and no external resource, every value escaped, and a strict
 * Content-Security-Policy in a meta tag (it also travels as a header): data summary, leaderboard, holdout
 * metrics, charts as inline SVG, and the lineage.
 */
export function renderReport(
  m: ReportModel,
  charts: ModelCharts | null,
  leaderboard: Leaderboard | null,
): string {
  const metrics = Object.entries(m.metrics)
    .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="n">${esc(num(v))}</td></tr>`)
    .join('');
  const lineage: [string, string][] = [];
  flatten(m.lineage ?? {}, '', lineage);
  const decision = [
    m.threshold
      ? `Decision threshold ${num(m.threshold.value, 2)} for class '${m.threshold.positiveClass}'${goalText(m.threshold.goal)}.`
      : '',
    m.calibration ? `Probabilities calibrated (${m.calibration}).` : '',
  ].join(' ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${esc(`${m.name} v${m.version}`)} — Quarry model report</title>
<style>${STYLE}</style></head><body>
<h1>${esc(m.name)} v${esc(m.version)}</h1>
<p>${esc(m.task)} of <b>${esc(m.target)}</b> with <b>${esc(m.family)}</b>; stage ${esc(m.stage)}; saved ${esc(m.createdAt)}. ${esc(decision)}</p>
${dataSummary(m)}
${leaderboardSection(leaderboard)}
<h2>Holdout metrics</h2><table><tbody>${metrics}</tbody></table>
<h2>Charts</h2>${charts === null ? '<p>No chart data (an imported model carries no data).</p>' : chartSections(charts)}
<h2>Lineage</h2><dl>${lineage.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<p><small>Model file SHA-256 <code>${esc(m.sha256)}</code>; Quarry ${esc(m.codeVersion)}.</small></p>
</body></html>
`;
}
