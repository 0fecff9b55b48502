/**
 * The M4 section of docs/benchmarks.md: the table of this run's rows (plus, with `--models`, the rows kept from the
 * previous table), the notes on the models, and writing it between the bench:m4 markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { args, flag, option } from './args';
import { HORIZON, PROJECT_ROOT, SEASON } from './m4-data';
import type { Row } from './score';

const DOC = resolve(PROJECT_ROOT, 'docs', 'benchmarks.md');

/** The whole section body: the table, then the models' notes and what R did not deliver. */
export function renderReport(run: {
  rows: Row[];
  selections: Map<string, string>;
  missingR: string[];
  n: number;
  total: number;
  started: Date;
}): string {
  const { rows, selections, missingR, n, total, started } = run;
  let table = renderTable(rows, n, total, started);
  for (const [name, text] of selections) table += `\n\n**${name}**: ${text}`;
  for (const note of keptRows(rows).notes) table += `\n\n${note}`;
  if (missingR.length > 0)
    table += `\n\nNo R forecasts for ${missingR.join(', ')}: the reference run had not finished.`;
  return table;
}

function renderTable(rows: Row[], n: number, total: number, started: Date): string {
  const kept = keptRows(rows);
  const fmt = (v: number | undefined | null, digits: number) =>
    v === undefined || v === null ? '–' : v.toFixed(digits);
  const best = [
    ...rows.filter((r) => r.source === 'combination'),
    ...kept.combinations.map((c) => ({ ...c, name: `${c.name} †` })),
  ].sort((a, b) => a.owa - b.owa)[0];
  const lines = [
    `Command: \`npm run bench:m4${args.length ? ` -- ${args.join(' ')}` : ''}\` · ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${n} of ${total} M4 Hourly series, season ${SEASON}, horizon ${HORIZON} · 2-core machine, ${flag('--no-r') ? 'one thread, R not run (`--no-r`).' : 'one thread per side, R in a second process at the same time.'}${flag('--reuse-quarry') || flag('--reuse-r') ? ' Scored from the forecasts and seconds saved in bench/results/m4 by the runs of this session (same code, same machine).' : ''}`,
    '',
    "OWA = ½(sMAPE / 18.383 + MASE / 2.395) against the official Naive2. Official results: Naive2 18.383 / 2.395, seasonal naive 13.912 / 1.193 (0.627), SES 18.094 / 2.385, Theta 18.138 / 2.455; best M4 entries 0.410–0.444 OWA. Coverage: share of the 48 test values inside the model's 80% / 95% intervals. Combinations are scored from the members' forecasts (the same numbers `CombinationForecaster` gives); their seconds are the members' sum.",
    '',
    '| model | source | sMAPE | MASE | OWA | seconds | coverage 80% | coverage 95% |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.source} | ${fmt(r.smape, 3)} | ${fmt(r.mase, 3)} | ${fmt(r.owa, 3)} | ${fmt(r.seconds, 1)} | ${r.coverage80 === undefined ? '–' : fmt(100 * r.coverage80, 1)} | ${r.coverage95 === undefined ? '–' : fmt(100 * r.coverage95, 1)} |`,
    ),
    ...kept.rows,
  ];
  if (kept.rows.length > 0) {
    lines.push(
      '',
      `† Not run this time (\`--models\`): kept from the earlier run in this file — ${kept.from}`,
    );
  }
  if (best) {
    lines.push(
      '',
      `Best combination: **${best.name}**, OWA ${best.owa.toFixed(3)} — picked among the combinations above by its test-set score (the list itself was drawn up after a 20-series pilot on the test data), so it is an optimistic figure; an \`auto\` model must choose its members by backtest on the training data.`,
    );
  }
  lines.push(
    '',
    'Seconds are wall-clock for fitting and forecasting all series on a machine shared with other jobs (load average 5–10 on 2 cores during these runs), so they are inflated and only roughly comparable between rows.',
  );
  return lines.join('\n');
}

/**
 * With `--models`, the rows of models not run this time are kept from the current docs table (marked †), so a
 * partial run — the new models without hours of AutoARIMA — does not erase the measured rows of the others.
 */
function keptRows(rows: Row[]): {
  rows: string[];
  from: string;
  combinations: { name: string; owa: number }[];
  /** The `**name**: …` notes (what an `auto` chose, a model's settings) of the kept rows. */
  notes: string[];
} {
  if (!option('--models') || !existsSync(DOC)) return { rows: [], from: '', combinations: [], notes: [] };
  const doc = readFileSync(DOC, 'utf8');
  const section = doc.slice(doc.indexOf('<!-- bench:m4:start -->'), doc.indexOf('<!-- bench:m4:end -->'));
  const fresh = new Set(rows.map((r) => r.name));
  const kept = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| model |'))
    .map((line) => {
      const cells = line.split(' | ');
      const name = cells[0].slice(2).replace(/ †$/, '');
      return {
        name,
        line: [`| ${name} †`, ...cells.slice(1)].join(' | '),
        combination: cells[1] === 'combination',
        owa: Number(cells[4]),
      };
    })
    .filter((r) => !fresh.has(r.name));
  // Rows kept once already keep the origin noted then (a mixed table names the oldest run; rerun to refresh).
  const earlier = /^† Not run this time .*? — (.*)$/m.exec(section)?.[1];
  const from = earlier ?? /^Command: (.*?) · /m.exec(section)?.[1] ?? 'an earlier run';
  const date = earlier ? '' : (/· (\d{4}-\d\d-\d\d \d\d:\d\d UTC) ·/.exec(section)?.[1] ?? '');
  return {
    rows: kept.map((r) => r.line),
    from: `${from}${date ? ` at ${date}` : ''}`,
    combinations: kept.filter((r) => r.combination).map(({ name, owa }) => ({ name, owa })),
    notes: section
      .split('\n')
      .filter(
        (line) => /^\*\*(.+?)\*\*: /.test(line) && !fresh.has(/^\*\*(.+?)\*\*: /.exec(line)?.[1] ?? ''),
      ),
  };
}

export function writeSection(table: string): void {
  const start = '<!-- bench:m4:start -->';
  const end = '<!-- bench:m4:end -->';
  const section = `${start}\n## Forecasting: M4 Hourly\n\n${table}\n${end}`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  const next =
    i >= 0 && j > i
      ? current.slice(0, i) + section + current.slice(j + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  console.log(`Wrote the M4 section of ${DOC}.`);
}
