// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are generated TypeScript, `${…}` included.
import { comment, ts, wrapList } from '../code';
import type { TemplateContext } from '../context';
import { featurePlan, guessTask, primaryMetric } from '../features';
import type { StepCode } from '../types';
import { typescriptLoad } from './load';
import { typescriptClean } from './recipe';

/**
 * The six steps of a tabular lab with @quarry/ml: the same split function, pipeline and seed as the studio, so
 * the script reproduces the studio's holdout metric exactly (same library, same numbers).
 */
export function typescriptTabular(ctx: TemplateContext, extraImports: string[] = []): StepCode[] {
  const task = guessTask(ctx);
  const metric = primaryMetric(ctx);
  const scorer = {
    roc_auc: 'rocAucScore',
    average_precision: 'averagePrecisionScore',
    rmse: 'rootMeanSquaredError',
    accuracy: 'accuracyScore',
  }[metric.name] as string;
  const names = [
    ...new Set([
      'categoricalColumn',
      'type FeatureSpec',
      'Frame',
      'makeTabularModel',
      'numericColumn',
      scorer,
      'trainTestSplit',
      ...extraImports,
    ]),
  ].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')));
  const imports = [
    "import { createHash } from 'node:crypto';",
    "import { readFileSync, writeFileSync } from 'node:fs';",
    `import {\n${names.map((n) => `  ${n},\n`).join('')}} from '@quarry/ml';`,
  ];
  return [
    { id: 'load', code: typescriptLoad(ctx, imports) },
    { id: 'clean', code: typescriptClean(ctx) },
    { id: 'explore', code: explore(ctx, task) },
    { id: 'prepare', code: prepare(ctx, task) },
    { id: 'model', code: `${model(ctx, task)}\n\n${evaluate(ctx, task, scorer)}` },
    { id: 'predict', code: predict(ctx, task) },
  ];
}

function explore(ctx: TemplateContext, task: string): string {
  const t = ts(ctx.target);
  const lines = [comment('//', 'Step 3 · Explore — the target, as the Explore page shows it.')];
  if (task === 'classification') {
    lines.push('const counts = new Map<string, number>();');
    lines.push(
      `for (const row of data) counts.set(text(row[${t}]) ?? '(missing)', (counts.get(text(row[${t}]) ?? '(missing)') ?? 0) + 1);`,
    );
    lines.push("console.log('Rows per class:', Object.fromEntries(counts));");
  } else {
    lines.push(
      `const values = data.map((row) => num(row[${t}])).filter(Number.isFinite).sort((a, b) => a - b);`,
    );
    lines.push(
      "console.log('Target: mean', values.reduce((a, b) => a + b, 0) / values.length, 'median', values[Math.floor(values.length / 2)]);",
    );
  }
  for (const q of ctx.lab.questions.filter((x) => x.step === 'explore'))
    lines.push(comment('//', `Question: ${q.prompt} — the Python template shows the columns it names.`));
  return lines.join('\n');
}

function prepare(ctx: TemplateContext, task: string): string {
  const f = featurePlan(ctx);
  const m = ctx.model;
  const seed = m?.seed ?? 42;
  const testSize = m?.split.testSize ?? 0.25;
  const strategy = m?.split.strategy ?? (task === 'classification' ? 'stratified' : 'random');
  const t = ts(ctx.target);
  const lines = [
    comment(
      '//',
      `Step 4 · Prepare & split — ${strategy === 'time' ? `the latest ${m?.split.nTest} rows in time are the holdout` : `${testSize * 100}% held out${task === 'classification' ? ', stratified by class' : ''}, seed ${seed}`}, as your latest model.`,
    ),
    `const TARGET = ${t};`,
    comment('//', `${f.source} In the studio's order: the pipeline is built from it.`),
    ...f.leaks.map((leak) =>
      comment('//', `Careful: ${leak.column} is among your features. ${leak.description}`),
    ),
    `const FEATURES = ${wrapList(f.all.map(ts), '[', ']', '  ')};`,
    `const NUMERIC = new Set(${wrapList(f.numeric.map(ts), '[', ']', '  ')});`,
    '',
    comment(
      '//',
      'The feature columns over every row, numbers parsed and categories trimmed, as the studio reads them.',
    ),
    'const frameOf = (rows: Row[]) =>',
    '  new Frame(',
    '    FEATURES.map((name) =>',
    '      NUMERIC.has(name)',
    '        ? numericColumn(name, rows.map((row) => num(row[name])))',
    '        : categoricalColumn(name, rows.map((row) => text(row[name]))),',
    '    ),',
    '  );',
  ];
  if (task === 'classification') {
    lines.push(
      comment('//', 'Classes are the target values as text, sorted; rows without a target are left out.'),
    );
    lines.push(
      `const keep = Int32Array.from(data.flatMap((row, i) => (text(row[TARGET]) === null ? [] : [i])));`,
    );
    lines.push(
      TYPE_IS_NUMERIC(ctx)
        ? 'const labels = Array.from(keep, (i) => String(num(data[i][TARGET])));\nconst classes = [...new Set(labels)].sort((a, b) => Number(a) - Number(b));'
        : 'const labels = Array.from(keep, (i) => text(data[i][TARGET]) as string);\nconst classes = [...new Set(labels)].sort();',
    );
    lines.push('const y = Int32Array.from(labels, (label) => classes.indexOf(label));');
  } else {
    lines.push(comment('//', 'Rows without a target are left out, as in the studio.'));
    lines.push(
      'const keep = Int32Array.from(data.flatMap((row, i) => (Number.isFinite(num(row[TARGET])) ? [i] : [])));',
    );
    lines.push('const y = Float64Array.from(keep, (i) => num(data[i][TARGET]));');
  }
  if (strategy === 'time') {
    const time = ts(m?.cv?.timeColumn ?? '');
    lines.push(comment('//', 'Time order (ties by row): the latest rows are the holdout.'));
    lines.push(
      `const when = Float64Array.from(keep, (i) => (Number.isNaN(num(data[i][${time}])) ? time(data[i][${time}]) / 1000 : num(data[i][${time}])));`,
    );
    lines.push('const order = Array.from(keep.keys()).sort((a, b) => when[a] - when[b] || a - b);');
    lines.push(`const isTest = new Set(order.slice(order.length - ${m?.split.nTest ?? 0}));`);
    lines.push('const test = Int32Array.from(keep.keys()).filter((p) => isTest.has(p));');
    lines.push('const train = Int32Array.from(keep.keys()).filter((p) => !isTest.has(p));');
  } else {
    lines.push(
      comment('//', "The studio's own split function with the model's seed: the very same holdout rows."),
    );
    lines.push(
      `const { train, test } = trainTestSplit(keep.length, { testSize: ${testSize}, ${task === 'classification' ? 'stratify: y, ' : ''}randomState: ${seed} });`,
    );
  }
  lines.push('const frame = frameOf(data).take(keep);');
  lines.push(
    "const features: FeatureSpec[] = frame.columns.map((c) =>\n  c.kind === 'categorical' ? { name: c.name, kind: c.kind, cardinality: c.levels.length } : { name: c.name, kind: c.kind },\n);",
  );
  lines.push(
    task === 'classification'
      ? 'const target = (positions: Int32Array) => ({ codes: Int32Array.from(positions, (p) => y[p]), levels: classes });'
      : 'const target = (positions: Int32Array) => Float64Array.from(positions, (p) => y[p]);',
  );
  lines.push(
    comment('//', 'The holdout fingerprint the studio records in the model lineage (testRowsSha256).'),
  );
  lines.push(
    "const holdoutSha256 = createHash('sha256').update(Int32Array.from(test, (p) => keep[p])).digest('hex');",
  );
  lines.push('console.log(`Holdout: ${train.length} training rows, ${test.length} test rows`);');
  return lines.join('\n');
}

const TYPE_IS_NUMERIC = (ctx: TemplateContext) =>
  ctx.cleanColumns.find((c) => c.name === ctx.target)?.type === 'numeric';

function model(ctx: TemplateContext, task: string): string {
  const m = ctx.model;
  const family = m?.family ?? 'gbdt';
  const members = family === 'ensemble' ? (m?.members ?? DEFAULT_MEMBERS) : undefined;
  const params = family === 'ensemble' ? {} : (m?.params ?? {});
  const lines = [
    comment(
      '//',
      m === null
        ? 'Step 5 · Model — no model trained yet: the studio’s gradient boosting pipeline.'
        : `Step 5 · Model — you trained '${family}' on the Train page: ${m.pipeline.join('; ')}.`,
    ),
    comment(
      '//',
      'makeTabularModel is what the studio builds: imputing, scaling and encoding fitted on the training rows only.',
    ),
    'const model = makeTabularModel({',
    `  task: ${ts(task)},`,
    `  family: ${ts(family)},`,
    '  features,',
    `  params: ${JSON.stringify(params)},`,
  ];
  if (members !== undefined) lines.push(`  members: ${JSON.stringify(members)},`);
  lines.push(`  randomState: ${m?.seed ?? 42},`);
  lines.push('});');
  if (m?.imbalance?.classWeight)
    lines.push(comment('//', 'Class weights reach the model through its parameters, as in the studio.'));
  if (m?.imbalance?.resample && m.imbalance.resample !== 'none')
    lines.push(
      comment(
        '//',
        `The studio also resampled the training rows (${m.imbalance.resample}); not repeated here.`,
      ),
    );
  lines.push('model.fit(frame.take(train), target(train));');
  return lines.join('\n');
}

const DEFAULT_MEMBERS = [
  { family: 'gbdt', weight: 1 / 3 },
  { family: 'forest', weight: 1 / 3 },
  { family: 'linear', weight: 1 / 3 },
];

function evaluate(ctx: TemplateContext, task: string, scorer: string): string {
  const metric = primaryMetric(ctx);
  const studio = ctx.model?.metrics[metric.name];
  const lines = [comment('//', `Evaluate on the holdout with the studio's metric, ${metric.label}.`)];
  if (metric.name === 'roc_auc' || metric.name === 'average_precision')
    lines.push(
      `const score = ${scorer}(target(test).codes, model.predictProba(frame.take(test)).column(1));`,
    );
  else if (task === 'classification')
    lines.push(`const score = ${scorer}(target(test).codes, model.predict(frame.take(test)) as Int32Array);`);
  else lines.push(`const score = ${scorer}(target(test), model.predict(frame.take(test)) as Float64Array);`);
  lines.push(
    `console.log(\`Holdout ${metric.label}: \${score.toFixed(4)}${studio === undefined ? '' : ` (the studio measured ${Number(studio.toPrecision(6))})`}\`);`,
  );
  lines.push(
    `console.log(JSON.stringify({ metric: ${ts(metric.name)}, value: score, testRowsSha256: holdoutSha256 }));`,
  );
  return lines.join('\n');
}

function predict(ctx: TemplateContext, task: string): string {
  const lines = [
    comment(
      '//',
      'Step 6 · Predict — new rows through the same cleaning, one prediction per row, written as CSV.',
    ),
    `const fresh = clean(readCsv(${ts(ctx.newDataFile)}), true);`,
    'const predicted = model.predict(frameOf(fresh));',
  ];
  if (task === 'classification')
    lines.push(
      `const out = Array.from(predicted, (code, i) => \`\${i},\${classes[code]}\`);`,
      `writeFileSync(${ts(ctx.predictionsFile)}, ${ts(`row,predicted_${ctx.target}\n`)} + out.join('\\n') + '\\n');`,
    );
  else
    lines.push(
      'const out = Array.from(predicted, (value, i) => `${i},${value}`);',
      `writeFileSync(${ts(ctx.predictionsFile)}, ${ts(`row,predicted_${ctx.target}\n`)} + out.join('\\n') + '\\n');`,
    );
  lines.push(
    `console.log(\`Wrote \${out.length} predictions to ${ctx.predictionsFile.replaceAll('`', '')}\`);`,
  );
  return lines.join('\n');
}
