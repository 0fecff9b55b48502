import { describe, expect, it } from 'vitest';
import type { LabSnapshot, RecipeStep, SnapshotModel } from '../labs/lab-types';
import { labById } from '../labs/registry';
import { py, ts } from './code';
import { labTemplates } from './lab-templates';

/**
 * The generators on hand-made snapshots (no server, no Python): what each part of the learner's work becomes in
 * the code. packages/server/test/academy-templates.test.ts runs the scripts for real against the studio.
 */

const churn = labById('churn')!;

const COLUMNS = [
  { name: 'customer_id', type: 'identifier', missing: 0 },
  { name: 'tenure_months', type: 'numeric', missing: 0 },
  { name: 'contract_type', type: 'categorical', missing: 0 },
  { name: 'signup', type: 'datetime', missing: 0 },
  { name: 'retention_offer_made', type: 'boolean', missing: 0 },
  { name: 'churned', type: 'boolean', missing: 0 },
];

function model(over: Partial<SnapshotModel> = {}): SnapshotModel {
  return {
    id: 'm1',
    name: 'churn-model',
    version: 2,
    createdAt: '2026-11-27T08:00:00.000Z',
    datasetId: 'd2',
    datasetVersion: 2,
    task: 'classification',
    family: 'linear',
    target: 'churned',
    features: ['tenure_months', 'contract_type'],
    pipeline: ['prep: ColumnTransformer(...)', 'model: LogisticRegression'],
    split: { strategy: 'stratified', testSize: 0.2, nTrain: 80, nTest: 20, testRowsSha256: 'abc123' },
    cv: null,
    imbalance: null,
    metrics: { roc_auc: 0.77, accuracy: 0.88 },
    recipe: [{ op: 'drop', columns: ['retention_offer_made'] }],
    topFeatures: [],
    predictions: 0,
    seed: 5,
    ...over,
  };
}

function snapshot(models: SnapshotModel[], steps: RecipeStep[] = []): LabSnapshot {
  return {
    lab: 'churn',
    rootDatasetId: 'd1',
    datasets: [
      { id: 'd1', version: 1, nRows: 100, columns: COLUMNS, steps: [] },
      { id: 'd2', version: 2, nRows: 100, columns: COLUMNS, steps },
    ],
    models,
    forecasts: [],
    anomalyRuns: [],
    answers: {},
  };
}

const code = (t: ReturnType<typeof labTemplates>, language: 'python' | 'typescript', step: string) =>
  t[language].steps.find((s) => s.id === step)?.code ?? '';

describe('labTemplates', () => {
  it('is pure: the same work gives the same text, six steps per language, the script is the steps in order', () => {
    const snap = snapshot([model()]);
    const a = labTemplates(churn, snap, { dataFile: 'churn.csv' });
    expect(labTemplates(churn, snap, { dataFile: 'churn.csv' })).toEqual(a);
    for (const language of ['python', 'typescript'] as const) {
      expect(a[language].steps.map((s) => s.id)).toEqual([
        'load',
        'clean',
        'explore',
        'prepare',
        'model',
        'predict',
      ]);
      let at = 0;
      for (const step of a[language].steps) {
        const found = a[language].script.indexOf(step.code, at);
        expect(found).toBeGreaterThan(at - 1);
        at = found + step.code.length;
      }
    }
  });

  it('says what the learner did and uses the latest model’s split, seed, features and holdout fingerprint', () => {
    const t = labTemplates(churn, snapshot([model()]), { dataFile: 'churn.csv' });
    expect(code(t, 'python', 'clean')).toContain(
      '# Step 1 of your recipe: you dropped retention_offer_made.',
    );
    const prepare = code(t, 'python', 'prepare');
    expect(prepare).toContain("NUMERIC_FEATURES = ['tenure_months']");
    expect(prepare).toContain("CATEGORICAL_FEATURES = ['contract_type']");
    expect(prepare).toContain('test_size=0.2, seed=5, stratify=True');
    expect(prepare).toContain("STUDIO_HOLDOUT_SHA256 = 'abc123'");
    expect(code(t, 'typescript', 'prepare')).toContain(
      'trainTestSplit(keep.length, { testSize: 0.2, stratify: y, randomState: 5 })',
    );
    expect(code(t, 'python', 'model')).toContain('(the studio measured 0.77)');
  });

  it('warns, in both languages, when the model uses the column the lab planted as leakage', () => {
    const leaky = model({ features: ['tenure_months', 'retention_offer_made'], recipe: [] });
    const t = labTemplates(churn, snapshot([leaky]), { dataFile: 'churn.csv' });
    expect(code(t, 'python', 'prepare')).toContain('# Careful: retention_offer_made is among your features.');
    expect(code(t, 'typescript', 'prepare')).toContain(
      '// Careful: retention_offer_made is among your features.',
    );
    expect(
      code(labTemplates(churn, snapshot([model()]), { dataFile: 'churn.csv' }), 'python', 'prepare'),
    ).not.toContain('Careful');
  });

  it('maps each family to the studio’s pipeline in scikit-learn, with the learner’s parameters', () => {
    const cases: [Partial<SnapshotModel>, string][] = [
      [{ family: 'linear' }, 'LogisticRegression(max_iter=500, tol=LINEAR_TOL)'],
      [{ family: 'linear', task: 'regression', metrics: { rmse: 3 } }, 'Ridge(alpha=1.0)'],
      [{ family: 'tree' }, 'DecisionTreeClassifier(max_depth=8, min_samples_leaf=5, random_state=5)'],
      [
        { family: 'forest', params: { nEstimators: 50, 'model.maxDepth': 6 } },
        'RandomForestClassifier(random_state=5, n_estimators=50, max_depth=6)',
      ],
      [{ family: 'extra_trees' }, 'ExtraTreesClassifier(random_state=5)'],
      [
        { family: 'gbdt', imbalance: { classWeight: 'balanced' } },
        "HistGradientBoostingClassifier(random_state=5, class_weight='balanced')",
      ],
      [{ family: 'knn' }, 'KNeighborsClassifier()'],
      [{ family: 'nb' }, 'GaussianNB()'],
      [
        {
          family: 'ensemble',
          members: [
            { family: 'gbdt', weight: 0.7 },
            { family: 'linear', weight: 0.3 },
          ],
        },
        "VotingClassifier([('gbdt', pipeline_for('gbdt', HistGradientBoostingClassifier(random_state=5))), ('linear', pipeline_for('linear', LogisticRegression(max_iter=500, tol=LINEAR_TOL)))], voting='soft', weights=[0.7, 0.3])",
      ],
    ];
    for (const [over, expected] of cases) {
      const t = labTemplates(churn, snapshot([model(over)]), { dataFile: 'churn.csv' });
      expect(code(t, 'python', 'model')).toContain(expected);
    }
    const ensemble = labTemplates(churn, snapshot([model(cases[8][0])]), { dataFile: 'churn.csv' });
    expect(code(ensemble, 'typescript', 'model')).toContain(
      'members: [{"family":"gbdt","weight":0.7},{"family":"linear","weight":0.3}]',
    );
  });

  it('rebuilds a time-ordered holdout from the time column the CV used', () => {
    const m = model({
      split: { strategy: 'time', testSize: 0.25, nTrain: 75, nTest: 25 },
      cv: { strategy: 'time', k: 3, timeColumn: 'signup' },
    });
    const t = labTemplates(churn, snapshot([m]), { dataFile: 'churn.csv' });
    expect(code(t, 'python', 'prepare')).toContain('the latest 25 rows by signup');
    expect(code(t, 'python', 'prepare')).not.toContain('studio_holdout(');
    expect(code(t, 'typescript', 'prepare')).toContain('order.slice(order.length - 25)');
  });

  it('turns every kind of recipe step into code in both languages, row-removing ones skipped at prediction', () => {
    const steps: RecipeStep[] = [
      { op: 'rename', column: 'tenure_months', to: 'tenure' },
      { op: 'cast', column: 'tenure', to: 'categorical' },
      { op: 'filter', column: 'contract_type', operator: '=', value: true },
      { op: 'filter', column: 'signup', operator: '>=', value: '2024-01-01' },
      { op: 'filter', column: 'contract_type', operator: 'isMissing' },
      { op: 'deduplicate', columns: ['customer_id'] },
      { op: 'fillMissing', column: 'contract_type', value: 'unknown' },
      { op: 'clip', column: 'tenure', lower: 0 },
      { op: 'flagOutliers', column: 'tenure', lower: -3, upper: 40, k: 1.5 },
      { op: 'dateParts', column: 'signup', parts: ['weekday'] },
      { op: 'textLength', column: 'customer_id' },
      { op: 'replaceValue', column: 'contract_type', from: 'n/a', to: null },
      { op: 'standardize', column: 'tenure', mean: 20, sd: 4 },
      { op: 'combine', columns: ['contract_type', 'tenure'], newColumn: 'contract_tenure', separator: '/' },
    ];
    const t = labTemplates(churn, snapshot([model({ recipe: steps })]), { dataFile: 'churn.csv' });
    const python = code(t, 'python', 'clean');
    const typescript = code(t, 'typescript', 'clean');
    steps.forEach((_, k) => {
      expect(python).toContain(`# Step ${k + 1} of your recipe:`);
      expect(typescript).toContain(`// Step ${k + 1} of your recipe:`);
    });
    expect(python).toContain("df['contract_type'].str.lower().isin(['true', 'yes', 'y', 't', '1'])");
    expect(python).toContain("df['signup'] >= pd.Timestamp('2024-01-01')");
    expect(python).toContain("df = df.drop_duplicates(subset=['customer_id'], keep='first')");
    expect(python).toContain("(df['signup'].dt.dayofweek + 1) % 7");
    expect(python).toContain('fitted on the full data');
    expect(python.match(/if not for_prediction:/g)).toHaveLength(4);
    expect(typescript.match(/!forPrediction/g)).toHaveLength(4);
    expect(typescript).toContain('getUTCDay()');
    expect(python).toContain(
      "df['contract_tenure'] = df['contract_type'].astype('string').str.cat([df['tenure'].astype('string')], sep='/')",
    );
    expect(typescript).toContain(
      "row['contract_tenure'] = text(row['contract_type']) === null || text(row['tenure']) === null ? null : [row['contract_type'], row['tenure']].join('/');",
    );
    expect(python).not.toContain('has no pandas translation');
    expect(typescript).not.toContain('has no translation');
  });

  it('escapes every name and value it writes into code', () => {
    expect(py("it's \\ \n")).toBe("'it\\'s \\\\ \\n'");
    expect(ts("it's \\ \n")).toBe("'it\\'s \\\\ \\n'");
    expect(py([1, true, null, 'a'])).toBe("[1, True, None, 'a']");
    expect(py(Number.NaN)).toBe("float('nan')");
  });

  it('writes forecast and anomaly templates from the learner’s newest run', () => {
    const retail = labById('retail-demand')!;
    const f = labTemplates(
      retail,
      {
        lab: 'retail-demand',
        rootDatasetId: null,
        datasets: [],
        models: [],
        forecasts: [
          {
            id: 'f1',
            createdAt: '2026-11-27T08:00:00.000Z',
            datasetId: 'd1',
            timeColumn: 'date',
            valueColumn: 'units_sold',
            seriesColumn: 'store_id',
            horizon: 14,
            season: 7,
            backtest: { kind: 'walk-forward', folds: 4 },
            scores: [{ model: 'Theta', mase: 0.8, smape: 20 }],
            best: 'Theta',
            baselineMase: null,
          },
        ],
        anomalyRuns: [],
        answers: {},
      },
      { dataFile: 'retail-demand.csv' },
    );
    expect(f.python.script).toContain("TIME, VALUE, SERIES = 'date', 'units_sold', 'store_id'");
    expect(f.python.script).toContain('HORIZON, FOLDS, SEASON = 14, 4, 7');
    expect(f.python.script).toContain("The studio picked 'Theta' (MASE 0.800)");
    expect(f.typescript.script).toContain('const HORIZON = 14;');
  });
  it('gives the fraud lab its supervised model first, once one is saved, and the anomaly run as a further section', () => {
    const fraud = labById('payment-fraud')!;
    const columns = [
      { name: 'timestamp', type: 'datetime', missing: 0 },
      { name: 'amount_usd', type: 'numeric', missing: 0 },
      { name: 'country', type: 'categorical', missing: 0 },
      { name: 'is_fraud', type: 'boolean', missing: 0 },
    ];
    const steps: RecipeStep[] = [{ op: 'dateParts', column: 'timestamp', parts: ['hour'] }];
    const run = {
      id: 'a1',
      createdAt: '2026-11-27T08:30:00.000Z',
      datasetId: 'd2',
      columns: ['amount_usd', 'country', 'timestamp_hour', 'not_in_this_version'],
      detectors: ['iforest', 'lof', 'robust_z', 'mahalanobis'],
      nRows: 1000,
      nFlagged: 5,
      labels: { anomaly: 0, normal: 0 },
      flaggedRows: [3, 14, 159, 265, 358],
    };
    const saved = model({
      target: 'is_fraud',
      features: ['amount_usd', 'country', 'timestamp_hour'],
      split: { strategy: 'time', testSize: 0.17, nTrain: 830, nTest: 170, testRowsSha256: 'f00d' },
      cv: { strategy: 'time', k: 3, timeColumn: 'timestamp' },
      metrics: { roc_auc: 0.99, average_precision: 0.7 },
      recipe: steps,
    });
    const snap = (models: SnapshotModel[]): LabSnapshot => ({
      lab: 'payment-fraud',
      rootDatasetId: 'd1',
      datasets: [
        { id: 'd1', version: 1, nRows: 1000, columns, steps: [] },
        { id: 'd2', version: 2, nRows: 1000, columns, steps },
      ],
      models,
      forecasts: [],
      anomalyRuns: [run],
      answers: {},
    });
    const alone = labTemplates(fraud, snap([]), { dataFile: 'payment-fraud.csv' });
    expect(alone.python.script).not.toContain('average_precision_score');
    expect(code(alone, 'python', 'model')).toContain("print(json.dumps({'metric': 'precision_of_flags'");

    const both = labTemplates(fraud, snap([saved]), { dataFile: 'payment-fraud.csv' });
    expect(both.python.steps.map((s) => s.id)).toEqual([
      'load',
      'clean',
      'explore',
      'prepare',
      'model',
      'predict',
    ]);
    const py = code(both, 'python', 'model');
    // The studio's model and metric first (the script's one {"metric": …} line), then the detector's own line.
    expect(py.indexOf('average_precision_score(')).toBeGreaterThan(0);
    expect(py.indexOf('average_precision_score(')).toBeLessThan(py.indexOf('IsolationForest('));
    expect(py).toContain("print(json.dumps({'section': 'anomaly', 'metric': 'precision_of_flags'");
    // The run read the same version as the model, so the rows it flagged can be compared; a column this
    // recipe does not make is left out, and said so.
    expect(py).toContain('STUDIO_FLAGGED = np.array([3, 14, 159, 265, 358], dtype=int)');
    expect(code(both, 'python', 'explore')).toContain('Left out: not_in_this_version');
    const sampled = { ...snap([saved]), anomalyRuns: [{ ...run, nRows: 500 }] };
    expect(labTemplates(fraud, sampled, { dataFile: 'payment-fraud.csv' }).python.script).not.toContain(
      'STUDIO_FLAGGED',
    );
    expect(code(both, 'python', 'prepare')).toContain("times = data.loc[keep, 'timestamp']");
    expect(code(both, 'python', 'predict')).toContain(
      "predictions['flagged'] = forest.predict(encode(new)) == -1",
    );
    const tsModel = code(both, 'typescript', 'model');
    expect(tsModel).toContain('averagePrecisionScore(target(test).codes');
    expect(tsModel).toContain("section: 'anomaly', metric: 'precision_of_flags'");
    expect(both.typescript.script).toMatch(/import \{[^}]*IsolationForest,[^}]*\} from '@quarry\/ml'/);
  });
});
