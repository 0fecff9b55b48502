import { comment, py, wrapList } from '../code';
import type { TemplateContext } from '../context';
import type { StepCode } from '../types';
import { pythonLoad } from './load';
import { pythonClean } from './recipe';

/** The columns and contamination of the learner's newest anomaly run, or the Anomalies page's defaults. */
export function anomalySettings(ctx: TemplateContext) {
  const run = ctx.anomaly;
  const usable = ctx.cleanColumns
    .filter((c) => c.name !== ctx.target && ['numeric', 'categorical', 'boolean'].includes(c.type))
    .map((c) => c.name);
  // A column the script's recipe does not produce (the run used another version of the data) cannot be read.
  const present = (n: string) => ctx.cleanColumns.some((c) => c.name === n);
  const columns = (run?.columns ?? usable).filter(present);
  const numeric = columns.filter((n) => ctx.cleanColumns.find((c) => c.name === n)?.type === 'numeric');
  return {
    columns,
    numeric,
    categorical: columns.filter((n) => !numeric.includes(n)),
    contamination: run !== null && run.nRows > 0 ? Number((run.nFlagged / run.nRows).toPrecision(4)) : 0.05,
    missing: (run?.columns ?? []).filter((n) => !present(n)),
    seed: 42,
    label: ctx.cleanColumns.some((c) => c.name === ctx.target) ? ctx.target : null,
  };
}

/**
 * The anomaly lab in scikit-learn: the columns the learner analysed, encoded as the studio does (numbers
 * robust-scaled with missing → median; a category by its rarity, −ln(share)), IsolationForest and
 * LocalOutlierFactor at the learner's contamination, and the flagged rows checked against the known label.
 */
export function pythonAnomaly(ctx: TemplateContext): StepCode[] {
  const part = pythonAnomalyParts(ctx, false);
  return [
    { id: 'load', code: pythonLoad(ctx) },
    { id: 'clean', code: pythonClean(ctx) },
    { id: 'explore', code: part.explore },
    { id: 'prepare', code: part.prepare },
    { id: 'model', code: part.model },
    { id: 'predict', code: part.predict },
  ];
}

/**
 * The anomaly steps as fragments. `further`: they follow a supervised model's steps in the same script (the fraud
 * lab with a saved model), so they say so, print their JSON line as a section of its own (the script's one
 * `{"metric": …}` line is the studio's holdout metric) and add their flags to the model's `predictions`.
 */
export function pythonAnomalyParts(
  ctx: TemplateContext,
  further: boolean,
): Record<'explore' | 'prepare' | 'model' | 'predict', string> {
  const s = anomalySettings(ctx);
  const run = ctx.anomaly;
  const step = (n: number, title: string) =>
    further ? `Step ${n}, without labels · ${title}` : `Step ${n} · ${title}`;
  const explore = [
    comment(
      '#',
      `${step(3, 'Explore')} — the columns you analysed on the Anomalies page, and how rare the label is.`,
    ),
    s.missing.length === 0
      ? ''
      : comment(
          '#',
          `Left out: ${s.missing.join(', ')} (your run read a version of the data this recipe does not make).`,
        ),
    `NUMERIC_COLUMNS = ${wrapList(s.numeric.map(py), '[', ']')}`,
    `CATEGORICAL_COLUMNS = ${wrapList(s.categorical.map(py), '[', ']')}`,
    "print(data[NUMERIC_COLUMNS].describe().T[['mean', '50%', 'max']].round(2))",
    s.label === null
      ? ''
      : `print('Share of labelled anomalies:', round((data[${py(s.label)}] == 'true').mean(), 4))`,
    s.label !== null && s.columns.includes(s.label)
      ? comment(
          '#',
          `Note: you analysed ${s.label}, the label itself; a detector must find anomalies without being told.`,
        )
      : '',
  ]
    .filter((l) => l !== '')
    .join('\n');
  const prepare = [
    comment(
      '#',
      `${step(4, 'Prepare')} — the encoding the studio uses: a number minus its median over 1.4826·MAD (missing → median); a category as its rarity, −ln(share of rows), so a rare value stands far out.`,
    ),
    'def fit_encoder(frame):',
    '    """Learns each number\'s median and scale and each category\'s share from the analysed rows."""',
    '    numbers = {}',
    '    for name in NUMERIC_COLUMNS:',
    '        x = frame[name].fillna(frame[name].median())',
    '        scale = 1.4826 * (x - x.median()).abs().median() or (x - x.mean()).abs().mean() or 1.0',
    '        numbers[name] = (x.median(), scale)',
    "    shares = {name: frame[name].fillna('(missing)').value_counts(normalize=True) for name in CATEGORICAL_COLUMNS}",
    '',
    '    def encode(rows):',
    '        column = lambda name: rows[name] if name in rows.columns else pd.Series(np.nan, index=rows.index, dtype=object)',
    '        out = {name: (column(name).astype(float).fillna(median) - median) / scale for name, (median, scale) in numbers.items()}',
    '        for name, share in shares.items():',
    "            out[name] = -np.log(column(name).fillna('(missing)').map(share).fillna(1 / len(frame)).astype(float))",
    '        return pd.DataFrame(out)',
    '',
    '    return encode',
    '',
    '',
    'encode = fit_encoder(data)',
    'X = encode(data)',
  ].join('\n');
  const model = [
    comment(
      '#',
      `${step(5, 'Model')} — ${run === null ? 'no anomaly run yet: the default' : `your run flagged ${run.nFlagged} of ${run.nRows} rows:`} contamination ${s.contamination}. The studio lets four detectors vote; here two of them, so the flags overlap the studio's but are not the same rows.`,
    ),
    'from sklearn.ensemble import IsolationForest',
    'from sklearn.neighbors import LocalOutlierFactor',
    '',
    `CONTAMINATION = ${s.contamination}`,
    `forest = IsolationForest(contamination=CONTAMINATION, random_state=${s.seed}).fit(X)`,
    'flag_forest = forest.predict(X) == -1',
    'flag_lof = LocalOutlierFactor(n_neighbors=20, contamination=CONTAMINATION).fit_predict(X) == -1',
    "print('Flagged:', int(flag_forest.sum()), 'by IsolationForest,', int(flag_lof.sum()), 'by LOF,', int((flag_forest & flag_lof).sum()), 'by both')",
  ];
  const result: string[] = [];
  if (s.label !== null) {
    model.push(
      comment('#', 'The label was not used to find them; it tells how many flagged rows are real anomalies.'),
      `is_anomaly = (data[${py(s.label)}] == 'true').to_numpy()`,
      'precision = float(is_anomaly[flag_forest].mean()) if flag_forest.any() else 0.0',
      "print(f'Of the rows IsolationForest flagged, {precision:.1%} are labelled anomalies')",
    );
    result.push("'metric': 'precision_of_flags', 'value': precision");
  } else result.push("'metric': 'flagged_share', 'value': float(flag_forest.mean())");
  result.push("'flagged': int(flag_forest.sum()), 'flagged_share': float(flag_forest.mean())");
  result.push("'contamination': CONTAMINATION");
  const studioRows = run !== null && ctx.anomalyRowsAlign && run.flaggedRows.length > 0;
  if (studioRows) {
    model.push(
      comment(
        '#',
        `An honest comparison with what the studio's run flagged: its ${run.flaggedRows.length} rows (positions in your cleaned data), how many IsolationForest flags too${s.label === null ? '' : ', and how many of the studio’s are labelled anomalies'}.`,
      ),
      `STUDIO_FLAGGED = np.array(${wrapList(run.flaggedRows.map(String), '[', ']')}, dtype=int)`,
      'both = int(flag_forest[STUDIO_FLAGGED].sum())',
      "print(f'The studio flagged {len(STUDIO_FLAGGED)} rows; IsolationForest here flagged {both} of them too')",
    );
    result.push("'studio_flagged': len(STUDIO_FLAGGED), 'flagged_by_both': both");
    if (s.label !== null) {
      model.push(
        'studio_precision = float(is_anomaly[STUDIO_FLAGGED].mean())',
        "print(f'Of the rows the studio flagged, {studio_precision:.1%} are labelled anomalies')",
      );
      result.push("'studio_precision_of_flags': studio_precision");
    }
  }
  model.push(`print(json.dumps({${further ? "'section': 'anomaly', " : ''}${result.join(', ')}}))`);
  const scored = 'encode(new)';
  const predict = further
    ? [
        comment(
          '#',
          'Without labels: the fitted forest scores the same new rows; its score and flag are added to the predictions.',
        ),
        `predictions['anomaly_score'] = -forest.score_samples(${scored}).round(4)`,
        `predictions['flagged'] = forest.predict(${scored}) == -1`,
        `predictions.to_csv(${py(ctx.predictionsFile)}, index=False)`,
        'print(f\'Flagged {int(predictions["flagged"].sum())} of the {len(predictions)} new rows\')',
      ].join('\n')
    : [
        comment('#', 'Step 6 · Predict — score the new rows with the fitted forest and write the flags.'),
        `new = clean(load(${py(ctx.newDataFile)}), for_prediction=True)`,
        `flags = pd.DataFrame({'row': np.arange(len(new)), 'anomaly_score': -forest.score_samples(${scored}).round(4)})`,
        `flags['flagged'] = forest.predict(${scored}) == -1`,
        `flags.to_csv(${py(ctx.predictionsFile)}, index=False)`,
        `print(f'Wrote {len(flags)} scored rows to ${ctx.predictionsFile.replaceAll("'", '')}')`,
      ].join('\n');
  return { explore, prepare, model: model.join('\n'), predict };
}
