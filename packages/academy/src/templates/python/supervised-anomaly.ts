import type { TemplateContext } from '../context';
import type { StepCode } from '../types';
import { pythonAnomalyParts } from './anomaly';
import { pythonTabular } from './tabular';

/**
 * The fraud lab with a saved model, in pandas and scikit-learn: first the learner's supervised model exactly as
 * a tabular lab's template rebuilds it (recipe, features, time-ordered holdout, family, parameters, class
 * weights), judged on the same holdout rows by the studio's metric; then, as a further section of each step,
 * the label-free anomaly detection at the learner's contamination.
 */
export function pythonSupervisedAnomaly(ctx: TemplateContext): StepCode[] {
  const anomaly = pythonAnomalyParts(ctx, true);
  return pythonTabular(ctx).map((step) => {
    const extra =
      step.id === 'load' || step.id === 'clean'
        ? null
        : anomaly[step.id as 'explore' | 'prepare' | 'model' | 'predict'];
    return extra === null ? step : { id: step.id, code: `${step.code}\n\n\n${extra}` };
  });
}
