import type { TemplateContext } from '../context';
import type { StepCode } from '../types';
import { typescriptAnomalyParts } from './anomaly';
import { typescriptTabular } from './tabular';

/**
 * The fraud lab with a saved model, with @quarry/ml: the learner's supervised model as a tabular lab's template
 * rebuilds it (the studio's own split, pipeline and seed, so the holdout metric is the studio's exactly), then
 * the label-free IsolationForest as a further section of each step.
 */
export function typescriptSupervisedAnomaly(ctx: TemplateContext): StepCode[] {
  const anomaly = typescriptAnomalyParts(ctx, true);
  return typescriptTabular(ctx, ['IsolationForest']).map((step) => {
    const extra =
      step.id === 'load' || step.id === 'clean'
        ? null
        : anomaly[step.id as 'explore' | 'prepare' | 'model' | 'predict'];
    return extra === null ? step : { id: step.id, code: `${step.code}\n\n${extra}` };
  });
}
