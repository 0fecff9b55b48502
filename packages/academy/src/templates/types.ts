import type { StepId } from '../labs/lab-types';

/** One step's code: what the learner did in that step of the lab, as a runnable fragment of the script. */
export interface StepCode {
  id: StepId;
  code: string;
}

/** The templates in one language: per step (shown beside each step) and the whole script (the steps in order). */
export interface LanguageTemplates {
  steps: StepCode[];
  script: string;
}

export interface LabTemplates {
  python: LanguageTemplates;
  typescript: LanguageTemplates;
}

export interface TemplateOptions {
  /** The lab's data file, as the script reads it (a path relative to where the script runs), e.g. 'churn.csv'. */
  dataFile: string;
  /** The file the predict step reads (new rows without the target). Default: the lab's `<id>-new.csv` when the
   * lab has one, else the data file itself. */
  newDataFile?: string;
  /** Where the predict step writes its predictions. Default 'predictions.csv'. */
  predictionsFile?: string;
}
