import type { ModelCharts } from '../charts/types';
import { esc, num } from './escape';
import { barChart, lineChart, scatterChart } from './svg';

const figure = (svg: string, caption: string) =>
  `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;

/** The model's charts as inline SVG figures (and the confusion matrix as a table). */
export function chartSections(charts: ModelCharts): string {
  const parts: string[] = [];
  const unit: [number, number] = [0, 1];
  if (charts.roc && charts.roc.length > 0)
    parts.push(
      figure(
        lineChart(
          {
            title: 'ROC curve',
            xLabel: 'false positive rate',
            yLabel: 'true positive rate',
            xDomain: unit,
            yDomain: unit,
          },
          charts.roc,
          { diagonal: true },
        ),
        `ROC AUC: ${charts.roc.map((c) => `${c.label} ${num(c.auc)}`).join(', ')}`,
      ),
    );
  if (charts.pr && charts.pr.length > 0)
    parts.push(
      figure(
        lineChart(
          {
            title: 'Precision–recall curve',
            xLabel: 'recall',
            yLabel: 'precision',
            xDomain: unit,
            yDomain: unit,
          },
          charts.pr,
        ),
        `Average precision: ${charts.pr.map((c) => `${c.label} ${num(c.auc)}`).join(', ')}`,
      ),
    );
  if (charts.calibration && charts.calibration.length > 0)
    parts.push(
      figure(
        lineChart(
          {
            title: 'Reliability (calibration)',
            xLabel: 'mean predicted probability',
            yLabel: 'fraction positive',
            xDomain: unit,
            yDomain: unit,
          },
          charts.calibration,
          { diagonal: true, markers: true },
        ),
        `Brier score: ${charts.calibration.map((c) => `${c.label} ${num(c.brier)}`).join(', ')}`,
      ),
    );
  if (charts.lift && charts.lift.length > 0)
    parts.push(
      figure(
        lineChart(
          {
            title: 'Cumulative gain',
            xLabel: 'share of rows, highest scores first',
            yLabel: 'share of positives found',
            xDomain: unit,
            yDomain: unit,
          },
          charts.lift.map((l) => ({ label: l.label, x: [0, ...l.fraction], y: [0, ...l.gain] })),
          { diagonal: true, markers: true },
        ),
        `Lift in the top 10%: ${charts.lift.map((l) => `${l.label} ${num(l.lift[0], 2)}×`).join(', ')}`,
      ),
    );
  if (charts.residuals)
    parts.push(
      figure(
        scatterChart(
          { title: 'Residuals vs fitted', xLabel: 'fitted', yLabel: 'actual − fitted' },
          charts.residuals.fitted,
          charts.residuals.residual,
          { zeroLine: true },
        ),
        'Residuals on the holdout rows',
      ),
    );
  if (charts.predictedVsActual)
    parts.push(
      figure(
        scatterChart(
          { title: 'Predicted vs actual', xLabel: 'actual', yLabel: 'predicted' },
          charts.predictedVsActual.actual,
          charts.predictedVsActual.predicted,
          { diagonal: true },
        ),
        'Points on the dashed line are exact',
      ),
    );
  const features = charts.importance.features;
  if (features.length > 0)
    parts.push(
      figure(
        barChart(
          `Permutation importance (${charts.importance.metric})`,
          features.map((f) => f.name),
          features.map((f) => f.mean),
          features.map((f) => f.std),
        ),
        'Drop in score when the feature is shuffled (mean ± std over 5 shuffles), holdout rows',
      ),
    );
  for (const pd of charts.partialDependence) {
    const outputs = pd.outputs;
    const svg =
      pd.kind === 'numeric'
        ? lineChart(
            { title: `Partial dependence: ${pd.feature}`, xLabel: pd.feature, yLabel: 'mean prediction' },
            outputs.map((o) => ({ label: o.label, x: pd.grid as number[], y: o.values })),
          )
        : barChart(
            `Partial dependence: ${pd.feature}${outputs.length === 1 ? ` (${outputs[0].label})` : ''}`,
            pd.grid.map(String),
            outputs[0]?.values ?? [],
          );
    parts.push(figure(svg, `Mean prediction as ${pd.feature} varies, other features as observed`));
  }
  const cm = charts.confusionMatrix;
  const matrix = cm
    ? `<h3>Confusion matrix (holdout)</h3><table><thead><tr><th>actual \\ predicted</th>${cm.labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr></thead><tbody>${cm.matrix
        .map(
          (row, i) =>
            `<tr><th>${esc(cm.labels[i])}</th>${row.map((v) => `<td>${esc(num(v))}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<div class="charts">${parts.join('')}</div>${matrix}`;
}
