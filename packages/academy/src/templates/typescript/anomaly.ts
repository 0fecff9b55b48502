// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are generated TypeScript, `${…}` included.
import { comment, ts, wrapList } from '../code';
import type { TemplateContext } from '../context';
import { anomalySettings } from '../python/anomaly';
import type { StepCode } from '../types';
import { typescriptLoad } from './load';
import { typescriptClean } from './recipe';

/**
 * The anomaly lab with @quarry/ml: the learner's columns encoded as the studio does (numbers robust-scaled with
 * missing → median, categories by rarity), the library's IsolationForest at the learner's contamination, and the
 * flagged rows checked against the known label.
 */
export function typescriptAnomaly(ctx: TemplateContext): StepCode[] {
  const imports = [
    "import { readFileSync, writeFileSync } from 'node:fs';",
    "import { Frame, IsolationForest, numericColumn } from '@quarry/ml';",
  ];
  const part = typescriptAnomalyParts(ctx, false);
  return [
    { id: 'load', code: typescriptLoad(ctx, imports) },
    { id: 'clean', code: typescriptClean(ctx) },
    { id: 'explore', code: part.explore },
    { id: 'prepare', code: part.prepare },
    { id: 'model', code: part.model },
    { id: 'predict', code: part.predict },
  ];
}

/**
 * The anomaly steps as fragments. `further`: they follow a supervised model's steps in the same script (the fraud
 * lab with a saved model), so they print their JSON line as a section of its own and write their flag beside
 * each row's prediction, reusing the model's `fresh` rows and `out` lines.
 */
export function typescriptAnomalyParts(
  ctx: TemplateContext,
  further: boolean,
): Record<'explore' | 'prepare' | 'model' | 'predict', string> {
  const s = anomalySettings(ctx);
  const step = (n: number, title: string) =>
    further ? `Step ${n}, without labels · ${title}` : `Step ${n} · ${title}`;
  const explore = [
    comment('//', `${step(3, 'Explore')} — the columns you analysed on the Anomalies page.`),
    `const NUMERIC_COLUMNS = ${wrapList(s.numeric.map(ts), '[', ']', '  ')};`,
    `const CATEGORICAL_COLUMNS = ${wrapList(s.categorical.map(ts), '[', ']', '  ')};`,
    'console.log(`${data.length} rows, ${NUMERIC_COLUMNS.length + CATEGORICAL_COLUMNS.length} columns analysed`);',
  ].join('\n');
  const prepare = [
    comment(
      '//',
      `${step(4, 'Prepare')} — numbers: (x − median) / (1.4826·MAD), missing → median; categories: −ln(share).`,
    ),
    'const median = (values: number[]) => {',
    '  const sorted = [...values].sort((a, b) => a - b);',
    '  const m = sorted.length >> 1;',
    '  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;',
    '};',
    'function fitEncoder(rows: Row[]) {',
    '  const numbers = NUMERIC_COLUMNS.map((name) => {',
    '    const present = rows.map((row) => num(row[name])).filter(Number.isFinite);',
    '    const mid = median(present);',
    '    const filled = rows.map((row) => (Number.isFinite(num(row[name])) ? num(row[name]) : mid));',
    '    const mad = 1.4826 * median(filled.map((v) => Math.abs(v - mid)));',
    '    const mean = filled.reduce((a, b) => a + b, 0) / filled.length;',
    '    const scale = mad || filled.reduce((a, v) => a + Math.abs(v - mean), 0) / filled.length || 1;',
    '    return { name, mid, scale };',
    '  });',
    '  const shares = CATEGORICAL_COLUMNS.map((name) => {',
    '    const counts = new Map<string, number>();',
    "    for (const row of rows) counts.set(text(row[name]) ?? '(missing)', (counts.get(text(row[name]) ?? '(missing)') ?? 0) + 1);",
    '    return { name, counts };',
    '  });',
    '  return (input: Row[]) =>',
    '    new Frame([',
    '      ...numbers.map(({ name, mid, scale }) =>',
    '        numericColumn(name, input.map((row) => ((Number.isFinite(num(row[name])) ? num(row[name]) : mid) - mid) / scale)),',
    '      ),',
    '      ...shares.map(({ name, counts }) =>',
    "        numericColumn(name, input.map((row) => -Math.log((counts.get(text(row[name]) ?? '(missing)') ?? 1) / rows.length))),",
    '      ),',
    '    ]);',
    '}',
    'const encode = fitEncoder(data);',
  ].join('\n');
  const model = [
    comment(
      '//',
      `${step(5, 'Model')} — IsolationForest at your contamination, ${s.contamination} (the studio lets four detectors vote: these flags overlap its flags but are not the same rows).`,
    ),
    `const forest = new IsolationForest({ contamination: ${s.contamination}, randomState: ${s.seed} }).fit(encode(data));`,
    'const flagged = Array.from(forest.predict(encode(data)), (v) => v === -1);',
    'const nFlagged = flagged.filter(Boolean).length;',
  ];
  const result: string[] = [];
  if (s.label !== null) {
    model.push(
      `const hits = data.filter((row, i) => flagged[i] && text(row[${ts(s.label)}]) === 'true').length;`,
      'console.log(`Flagged ${nFlagged} rows; ${((100 * hits) / Math.max(1, nFlagged)).toFixed(1)}% are labelled anomalies`);',
    );
    result.push("metric: 'precision_of_flags', value: hits / Math.max(1, nFlagged)");
  } else result.push("metric: 'flagged_share', value: nFlagged / data.length");
  result.push(`flagged: nFlagged, contamination: ${s.contamination}`);
  model.push(
    `console.log(JSON.stringify({ ${further ? "section: 'anomaly', " : ''}${result.join(', ')} }));`,
  );
  const header = ts(`row,predicted_${ctx.target},flagged\n`);
  const predict = further
    ? [
        comment(
          '//',
          'Without labels: the fitted forest flags the same new rows, written beside each prediction.',
        ),
        'const flags = forest.predict(encode(fresh));',
        `writeFileSync(${ts(ctx.predictionsFile)}, ${header} + out.map((line, i) => \`\${line},\${flags[i] === -1}\`).join('\\n') + '\\n');`,
        'console.log(`Flagged ${flags.filter((v) => v === -1).length} of the ${flags.length} new rows`);',
      ].join('\n')
    : [
        comment('//', 'Step 6 · Predict — score new rows with the fitted forest and write the flags.'),
        `const fresh = clean(readCsv(${ts(ctx.newDataFile)}), true);`,
        'const flags = forest.predict(encode(fresh));',
        'writeFileSync(' +
          ts(ctx.predictionsFile) +
          ", `row,flagged\\n${Array.from(flags, (v, i) => `${i},${v === -1}`).join('\\n')}\\n`);",
        'console.log(`Wrote ${flags.length} flags`);',
      ].join('\n');
  return { explore, prepare, model: model.join('\n'), predict };
}
