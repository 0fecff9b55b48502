import type { LabDefinition, LabSnapshot } from '../labs/lab-types';
import { comment } from './code';
import { type TemplateContext, templateContext } from './context';
import { pythonAnomaly } from './python/anomaly';
import { pythonForecast } from './python/forecast';
import { pythonSupervisedAnomaly } from './python/supervised-anomaly';
import { pythonTabular } from './python/tabular';
import type { LabTemplates, LanguageTemplates, StepCode, TemplateOptions } from './types';
import { typescriptAnomaly } from './typescript/anomaly';
import { typescriptForecast } from './typescript/forecast';
import { typescriptSupervisedAnomaly } from './typescript/supervised-anomaly';
import { typescriptTabular } from './typescript/tabular';

/**
 * Code for every step of a lab, in Python (pandas + scikit-learn) and TypeScript (@quarry/ml), generated from
 * what the learner actually did: their recipe, the split and features of their latest model, its family, their
 * newest forecast or anomaly run. Pure: the same lab, snapshot and options always give the same text. Each
 * script prints one JSON line, {"metric": name, "value": x, …}, so a test can compare it with the studio's.
 */
export function labTemplates(
  lab: LabDefinition,
  snapshot: LabSnapshot,
  options: TemplateOptions,
): LabTemplates {
  const ctx = templateContext(lab, snapshot, options);
  // The fraud lab (kind 'anomaly') judges a supervised model too: once one is saved, its templates rebuild it
  // and print the studio's holdout metric, with the anomaly detection as a further section.
  const anomalyOnly = lab.kind === 'anomaly' && ctx.model === null;
  const python =
    lab.kind === 'forecast'
      ? pythonForecast(ctx)
      : anomalyOnly
        ? pythonAnomaly(ctx)
        : lab.kind === 'anomaly'
          ? pythonSupervisedAnomaly(ctx)
          : pythonTabular(ctx);
  const typescript =
    lab.kind === 'forecast'
      ? typescriptForecast(ctx)
      : anomalyOnly
        ? typescriptAnomaly(ctx)
        : lab.kind === 'anomaly'
          ? typescriptSupervisedAnomaly(ctx)
          : typescriptTabular(ctx);
  return {
    python: assemble(python, pythonHeader(ctx)),
    typescript: assemble(typescript, typescriptHeader(ctx)),
  };
}

function assemble(steps: StepCode[], header: string): LanguageTemplates {
  return { steps, script: `${header}\n\n${steps.map((s) => s.code).join('\n\n\n')}\n` };
}

function summary(ctx: TemplateContext): string {
  const parts = [`Quarry Academy, lab “${ctx.lab.title}”: the six steps as you did them in the studio.`];
  if (ctx.model !== null)
    parts.push(
      `Your latest model: ${ctx.model.name} v${ctx.model.version} (${ctx.model.family}, ${ctx.model.task}).`,
    );
  if (ctx.forecast !== null)
    parts.push(`Your latest forecast: ${ctx.forecast.valueColumn}, horizon ${ctx.forecast.horizon}.`);
  if (ctx.anomaly !== null)
    parts.push(`Your latest anomaly run: ${ctx.anomaly.nFlagged} of ${ctx.anomaly.nRows} rows flagged.`);
  return parts.join(' ');
}

function pythonHeader(ctx: TemplateContext): string {
  return [
    comment('#', summary(ctx)),
    comment('#', `Run: python3 script.py (with ${ctx.dataFile} next to it; needs pandas and scikit-learn).`),
  ].join('\n');
}

function typescriptHeader(ctx: TemplateContext): string {
  return [
    comment('//', summary(ctx)),
    comment(
      '//',
      `Run: npx tsx script.ts (inside a project with @quarry/ml installed, ${ctx.dataFile} next to it).`,
    ),
  ].join('\n');
}
