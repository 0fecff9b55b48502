import { fromJSON } from '@quarry/ml';

/** Loads a pipeline from its JSON in a worker (the ML library's registry of known kinds; nothing executed). */
export interface InspectInput {
  kind: 'inspect';
  pipeline: unknown;
}

export interface InspectOutput {
  ok: boolean;
  kind: string | null;
  classes: string[] | null;
  error: string | null;
}

export function inspectPipeline(input: InspectInput): InspectOutput {
  try {
    const model = fromJSON(input.pipeline as never) as unknown as {
      kind: string;
      classes_?: string[];
      isFitted?: boolean;
    };
    if (model.isFitted === false)
      return { ok: false, kind: model.kind, classes: null, error: 'the pipeline is not fitted' };
    return { ok: true, kind: model.kind, classes: classesOf(model), error: null };
  } catch (err) {
    return { ok: false, kind: null, classes: null, error: (err as Error).message };
  }
}

/** A regressor pipeline has no classes: its `classes_` getter throws rather than returning undefined. */
function classesOf(model: { classes_?: string[] }): string[] | null {
  try {
    return model.classes_ ?? null;
  } catch {
    return null;
  }
}
