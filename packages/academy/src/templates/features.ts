import { generatedData, type TemplateContext, typeOf } from './context';

export interface FeaturePlan {
  /** The model's features in the studio's order (its schema contract), by how the pipeline treats them. */
  all: string[];
  numeric: string[];
  categorical: string[];
  /** Free-text columns: the studio reads them with TF-IDF; the templates leave them out and say so. */
  text: string[];
  /** Why the feature list is what it is, for the comment. */
  source: string;
  /** Features the lab planted as leakage (known only after the fact), with the lab's sentence about them. */
  leaks: { column: string; description: string }[];
}

/** The features of the learner's latest model, or (before any model) every column the studio would use. */
export function featurePlan(ctx: TemplateContext): FeaturePlan {
  const fromModel = ctx.model?.features;
  const all =
    fromModel ??
    ctx.cleanColumns
      .filter((c) => c.name !== ctx.target && ['numeric', 'categorical', 'boolean'].includes(c.type))
      .map((c) => c.name);
  const kind = (name: string) => {
    const type = typeOf(ctx, name);
    return type === 'numeric' ? 'numeric' : type === 'text' ? 'text' : 'categorical';
  };
  return {
    all: all.filter((n) => kind(n) !== 'text'),
    numeric: all.filter((n) => kind(n) === 'numeric'),
    categorical: all.filter((n) => kind(n) === 'categorical'),
    text: all.filter((n) => kind(n) === 'text'),
    leaks: generatedData(ctx.lab)
      .problems.filter((p) => p.kind === 'leakage')
      .flatMap((p) =>
        p.columns.filter((c) => all.includes(c)).map((column) => ({ column, description: p.description })),
      ),
    source:
      fromModel === undefined
        ? 'You have not trained a model yet: these are the columns the studio would use.'
        : `The ${fromModel.length} columns your latest model (${ctx.model?.name} v${ctx.model?.version}) used.`,
  };
}

/** The holdout metric the scripts print, the same one the studio shows for the model. */
export function primaryMetric(ctx: TemplateContext): {
  name: string;
  label: string;
  higherIsBetter: boolean;
} {
  const task = ctx.model?.task ?? guessTask(ctx);
  if (task === 'regression') return { name: 'rmse', label: 'RMSE', higherIsBetter: false };
  const metrics = ctx.model?.metrics ?? {};
  // A rare class (the fraud lab) is judged by average precision, as its leaderboard ranks: ROC AUC looks good
  // on almost any ranking when 99.5% of the rows are negatives.
  if (ctx.lab.kind === 'anomaly' && 'average_precision' in metrics)
    return { name: 'average_precision', label: 'average precision', higherIsBetter: true };
  if ('roc_auc' in metrics || ctx.model === null)
    return { name: 'roc_auc', label: 'ROC AUC', higherIsBetter: true };
  return { name: 'accuracy', label: 'accuracy', higherIsBetter: true };
}

export function guessTask(ctx: TemplateContext): 'classification' | 'regression' {
  if (ctx.model !== null) return ctx.model.task;
  return typeOf(ctx, ctx.target) === 'numeric' ? 'regression' : 'classification';
}
