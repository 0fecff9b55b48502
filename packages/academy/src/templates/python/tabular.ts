import { comment, py, wrapList } from '../code';
import type { TemplateContext } from '../context';
import { featurePlan, guessTask, primaryMetric } from '../features';
import type { StepCode } from '../types';
import {
  classWeight,
  DEFAULT_MEMBERS,
  estimatorCode,
  estimatorImport,
  LINEAR_TOL_CODE,
  PIPELINE_FUNCTION,
} from './estimators';
import { pythonExplore } from './explore';
import { pythonLoad } from './load';
import { pythonClean } from './recipe';
import { PYTHON_STUDIO_HOLDOUT } from './split';

/** The six steps of a tabular lab (churn, house prices) in pandas and scikit-learn. */
export function pythonTabular(ctx: TemplateContext): StepCode[] {
  return [
    { id: 'load', code: pythonLoad(ctx) },
    { id: 'clean', code: pythonClean(ctx) },
    { id: 'explore', code: pythonExplore(ctx) },
    { id: 'prepare', code: prepare(ctx) },
    { id: 'model', code: `${model(ctx)}\n\n${evaluate(ctx)}` },
    { id: 'predict', code: predict(ctx) },
  ];
}

function prepare(ctx: TemplateContext): string {
  const f = featurePlan(ctx);
  const m = ctx.model;
  const task = guessTask(ctx);
  const seed = m?.seed ?? 42;
  const testSize = m?.split.testSize ?? 0.25;
  const strategy = m?.split.strategy ?? (task === 'classification' ? 'stratified' : 'random');
  const lines = [comment('#', `Step 4 · Prepare & split — ${splitWords(ctx, strategy, testSize, seed)}`)];
  lines.push(`TARGET = ${py(ctx.target)}`);
  lines.push(comment('#', f.source));
  if (f.text.length > 0)
    lines.push(
      comment('#', `Left out here: ${f.text.join(', ')} (free text; the studio reads it with TF-IDF).`),
    );
  for (const leak of f.leaks)
    lines.push(comment('#', `Careful: ${leak.column} is among your features. ${leak.description}`));
  lines.push(`NUMERIC_FEATURES = ${wrapList(f.numeric.map(py), '[', ']')}`);
  lines.push(
    `CATEGORICAL_FEATURES = ${wrapList(f.categorical.map(py), '[', ']')}  # categories and yes/no columns`,
  );
  lines.push('FEATURES = NUMERIC_FEATURES + CATEGORICAL_FEATURES');
  lines.push('');
  lines.push(
    comment('#', 'Rows without a target cannot be learned from or scored: the studio leaves them out too.'),
  );
  lines.push('keep = np.flatnonzero(data[TARGET].notna().to_numpy())');
  if (strategy === 'time') {
    const time = m?.cv?.timeColumn ?? '';
    lines.push(
      comment(
        '#',
        `A time-ordered holdout: the latest ${m?.split.nTest} rows by ${time} (ties in row order) are the test set, so the model is judged on the future, as it will be used.`,
      ),
    );
    lines.push(`times = data.loc[keep, ${py(time)}]`);
    lines.push("times = times.astype('int64') if str(times.dtype).startswith('datetime') else times");
    lines.push(`order = np.argsort(times.to_numpy(), kind='stable')`);
    lines.push(`test_positions = np.sort(order[len(order) - ${m?.split.nTest ?? 0}:])`);
  } else {
    if (strategy !== 'stratified' && strategy !== 'random')
      lines.push(
        comment(
          '#',
          `Your model's holdout was '${strategy}', which this script does not rebuild: it draws a seeded ${task === 'classification' ? 'stratified' : 'random'} one instead, so its score differs a little from the studio's.`,
        ),
      );
    lines.push('');
    lines.push('');
    lines.push(PYTHON_STUDIO_HOLDOUT);
    lines.push('');
    lines.push('');
    lines.push(
      comment(
        '#',
        `The same rows the studio held out. For a split of your own, use sklearn's train_test_split(X, y, test_size=${testSize}, ${task === 'classification' ? 'stratify=y, ' : ''}random_state=${seed}) instead: an equally fair holdout, but other rows, so a slightly different score.`,
      ),
    );
    lines.push(
      `test_positions = studio_holdout(data.loc[keep, TARGET].tolist(), test_size=${py(testSize)}, seed=${seed}, stratify=${task === 'classification' ? 'True' : 'False'})`,
    );
  }
  lines.push('test_rows = keep[test_positions]');
  lines.push('train_rows = np.setdiff1d(keep, test_rows)');
  lines.push('X_train, y_train = data.loc[train_rows, FEATURES], data.loc[train_rows, TARGET]');
  lines.push('X_test, y_test = data.loc[test_rows, FEATURES], data.loc[test_rows, TARGET]');
  lines.push(
    comment(
      '#',
      'A fingerprint of the holdout: the studio records the same one (testRowsSha256 in the model lineage).',
    ),
  );
  lines.push("holdout_sha256 = hashlib.sha256(np.asarray(test_rows, dtype='<i4').tobytes()).hexdigest()");
  const sha = (m?.split as { testRowsSha256?: string } | undefined)?.testRowsSha256;
  if (sha !== undefined) {
    lines.push(`STUDIO_HOLDOUT_SHA256 = ${py(sha)}`);
    lines.push(
      "print('Holdout:', len(train_rows), 'training rows,', len(test_rows), 'test rows;', 'the same rows as the studio' if holdout_sha256 == STUDIO_HOLDOUT_SHA256 else 'NOT the rows the studio used (did the data change?)')",
    );
  } else lines.push("print('Holdout:', len(train_rows), 'training rows,', len(test_rows), 'test rows')");
  return lines.join('\n');
}

function splitWords(ctx: TemplateContext, strategy: string, testSize: number, seed: number): string {
  const pct = `${Math.round(testSize * 1000) / 10}%`;
  const intro =
    ctx.model === null ? 'no model yet, so the studio’s default split:' : 'the split your latest model used:';
  if (strategy === 'time') return `${intro} the latest ${pct} of the rows in time are the holdout.`;
  if (strategy === 'stratified')
    return `${intro} ${pct} of the rows held out, stratified by class, seed ${seed}.`;
  if (strategy === 'random') return `${intro} ${pct} of the rows held out at random, seed ${seed}.`;
  return `${intro} a '${strategy}' holdout of ${pct}.`;
}

/** The studio's pipeline for the family (packages/ml/src/auto/make-tabular-model.ts), in scikit-learn. */
function model(ctx: TemplateContext): string {
  const m = ctx.model;
  const task = guessTask(ctx);
  const family = m?.family ?? 'gbdt';
  const seed = m?.seed ?? 42;
  const lines = [
    comment(
      '#',
      m === null
        ? 'Step 5 · Model — no model trained yet; this is what the Train page builds for gradient boosting.'
        : `Step 5 · Model — you trained '${family}' on the Train page. The studio's pipeline: ${m.pipeline.join('; ')}.`,
    ),
    comment(
      '#',
      'Imputing, scaling and encoding are pipeline steps, so they are fitted on the training rows only.',
    ),
    'from sklearn.compose import ColumnTransformer',
    'from sklearn.impute import SimpleImputer',
    'from sklearn.pipeline import Pipeline',
    'from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler',
  ];
  const members = family === 'ensemble' ? (m?.members ?? DEFAULT_MEMBERS) : [];
  const families = family === 'ensemble' ? members.map((x) => x.family) : [family];
  for (const imp of new Set(families.map((f) => estimatorImport(f, task)))) lines.push(imp);
  if (family === 'ensemble')
    lines.push(
      `from sklearn.ensemble import ${task === 'classification' ? 'VotingClassifier' : 'VotingRegressor'}`,
    );
  if (task === 'classification' && families.includes('linear')) lines.push('', LINEAR_TOL_CODE);
  lines.push('');
  lines.push(PIPELINE_FUNCTION);
  lines.push('');
  lines.push('');
  const params = family === 'ensemble' ? {} : (m?.params ?? {});
  const weight = classWeight(ctx);
  if (family === 'ensemble') {
    if (m?.members === undefined)
      lines.push(
        comment(
          '#',
          'The studio chose an ensemble; its members are not in this snapshot, so three common ones are averaged.',
        ),
      );
    const estimators = members.map(
      (x) =>
        `(${py(x.family)}, pipeline_for(${py(x.family)}, ${estimatorCode(x.family, task, seed, {}, weight)}))`,
    );
    const voting =
      task === 'classification'
        ? `VotingClassifier([${estimators.join(', ')}], voting='soft', weights=${py(members.map((x) => x.weight))})`
        : `VotingRegressor([${estimators.join(', ')}], weights=${py(members.map((x) => x.weight))})`;
    lines.push(`model = Pipeline([('model', ${voting})])`);
  } else
    lines.push(`model = pipeline_for(${py(family)}, ${estimatorCode(family, task, seed, params, weight)})`);
  if (m?.imbalance?.resample !== undefined && m.imbalance.resample !== 'none')
    lines.push(
      comment(
        '#',
        `The studio also resampled the training rows ('${m.imbalance.resample}'); not repeated here.`,
      ),
    );
  lines.push('model.fit(X_train, y_train)');
  return lines.join('\n');
}

function evaluate(ctx: TemplateContext): string {
  const metric = primaryMetric(ctx);
  const studio = ctx.model?.metrics[metric.name];
  const lines = [comment('#', `Evaluate on the holdout with the studio's metric, ${metric.label}.`)];
  if (metric.name === 'roc_auc') {
    lines.push('from sklearn.metrics import roc_auc_score');
    lines.push(
      comment('#', "The probability of the second class in sorted order (the studio's positive class)."),
    );
    lines.push('score = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])');
  } else if (metric.name === 'average_precision') {
    lines.push('from sklearn.metrics import average_precision_score');
    lines.push(
      comment(
        '#',
        "The probability of the second class in sorted order (the studio's positive class), scored as the area under the precision-recall steps.",
      ),
    );
    lines.push(
      'score = average_precision_score(y_test, model.predict_proba(X_test)[:, 1], pos_label=model.classes_[1])',
    );
  } else if (metric.name === 'rmse') {
    lines.push('from sklearn.metrics import mean_squared_error');
    lines.push('score = float(np.sqrt(mean_squared_error(y_test, model.predict(X_test))))');
  } else {
    lines.push('from sklearn.metrics import accuracy_score');
    lines.push('score = accuracy_score(y_test, model.predict(X_test))');
  }
  const measured = studio === undefined ? '' : ` (the studio measured ${Number(studio.toPrecision(6))})`;
  lines.push(`print(f'Holdout ${metric.label}: {score:.4f}${measured}')`);
  lines.push(
    `print(json.dumps({'metric': ${py(metric.name)}, 'value': score, 'testRowsSha256': holdout_sha256}))`,
  );
  return lines.join('\n');
}

function predict(ctx: TemplateContext): string {
  const task = guessTask(ctx);
  const same = ctx.newDataFile === ctx.dataFile;
  const lines = [
    comment(
      '#',
      `Step 6 · Predict — score ${same ? 'the rows of the data file (this lab has no second file; use any file with the same columns)' : 'the new rows (without the target)'} through the same cleaning, then write one prediction per row.`,
    ),
    `NEW_DATA_FILE = ${py(ctx.newDataFile)}`,
    'new = clean(load(NEW_DATA_FILE), for_prediction=True)',
    'absent = [c for c in FEATURES if c not in new.columns]',
    'if absent:',
    "    print('The new file has no', absent, '- your model uses them, so they are read as missing (the Predict page flags this too).')",
    '    for column in absent:',
    '        new[column] = np.nan if column in NUMERIC_FEATURES else pd.Series(np.nan, index=new.index, dtype=object)',
    "predictions = pd.DataFrame({'row': np.arange(len(new))})",
    `predictions[${py(`predicted_${ctx.target}`)}] = model.predict(new[FEATURES])`,
  ];
  if (task === 'classification')
    lines.push(`predictions['probability'] = model.predict_proba(new[FEATURES])[:, 1].round(4)`);
  lines.push(`predictions.to_csv(${py(ctx.predictionsFile)}, index=False)`);
  lines.push(`print(f'Wrote {len(predictions)} predictions to ${ctx.predictionsFile.replaceAll("'", '')}')`);
  return lines.join('\n');
}
