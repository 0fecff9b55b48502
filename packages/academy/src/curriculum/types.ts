/**
 * The curriculum as data: modules of short lessons, each a few sections of prose with the interactive parts placed
 * between them. Kept free of `@quarry/ml` imports so the Academy hub can list lessons without loading the engine;
 * the interactive parts' computations live in their own files and are loaded with the lesson page.
 */

export type ModuleId = 'fundamentals' | 'cleaning-eda' | 'modelling' | 'advanced';

/** The labs a lesson is practised in (`#/academy/labs/<id>`). */
export type LabId = 'churn' | 'house-prices' | 'retail-demand' | 'payment-fraud';

/** Every interactive part; the web app maps each to a component that calls the matching compute function. */
export type InteractiveId =
  | 'column-types'
  | 'log-transform'
  | 'scatter-trend'
  | 'imputation'
  | 'outlier-cut'
  | 'profile'
  | 'leakage-split'
  | 'cv-folds'
  | 'threshold'
  | 'tree-depth'
  | 'imbalance'
  | 'tfidf-sentence'
  | 'topics'
  | 'decomposition'
  | 'backtest'
  | 'anomaly-detectors';

export interface CurriculumModule {
  id: ModuleId;
  title: string;
  /** One sentence on what the module teaches. */
  summary: string;
}

/** A block of a lesson: prose (a heading and short paragraphs) or an interactive part with a caption. */
export type LessonSection =
  | { kind: 'prose'; heading?: string; paragraphs: readonly string[] }
  | { kind: 'interactive'; interactive: InteractiveId; title: string; caption: string };

/** A link to the studio page where the lesson's technique is done on the learner's own data. */
export interface StudioLink {
  label: string;
  /** A hash route of the studio, e.g. '#/train'. */
  href: string;
}

export interface Lesson {
  id: string;
  module: ModuleId;
  title: string;
  /** Reading and playing time, in minutes. */
  minutes: number;
  /** One sentence for the curriculum list. */
  summary: string;
  sections: readonly LessonSection[];
  /** The labs where the lesson is practised, with what to look for there. */
  labs: readonly { id: LabId; why: string }[];
  studio: readonly StudioLink[];
  /** Three or four points to remember, shown at the end. */
  takeaways: readonly string[];
}
