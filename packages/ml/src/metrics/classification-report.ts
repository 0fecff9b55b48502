import { MlError } from '../core/errors';
import { pairwiseSum } from '../core/pairwise-sum';
import { uniqueLabels } from './label-counts';
import { type Average, precisionRecallFscoreSupport } from './precision-recall-fscore-support';

export interface ReportRow {
  precision: number;
  recall: number;
  f1Score: number;
  /** Rows of the class (weighted); for an average, the rows of all reported classes. */
  support: number;
}

export interface ClassReportRow extends ReportRow {
  /** The class code. */
  label: number;
  /** The display name (`targetNames[k]`, else the code as a string). */
  name: string;
}

export interface ClassificationReport {
  classes: ClassReportRow[];
  /** The accuracy when every class present is reported (then it equals the micro average); else null. */
  accuracy: number | null;
  /** The micro average when only some classes are reported (it is then not the accuracy); else null. */
  microAvg: ReportRow | null;
  macroAvg: ReportRow;
  weightedAvg: ReportRow;
}

export interface ClassificationReportOptions {
  /** The class codes to report, in this order (default: the sorted codes present in either input). */
  labels?: readonly number[];
  /** Display names, one per reported label. */
  targetNames?: readonly string[];
  sampleWeight?: Float64Array;
  zeroDivision?: 'warn' | 0 | 1;
}

/**
 * Precision, recall, F1 and support per class plus the accuracy and the macro and weighted averages, as data
 * (scikit-learn's `classification_report(output_dict=True)`, same numbers; the UI formats them).
 */
export function classificationReport(
  yTrue: Int32Array,
  yPred: Int32Array,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const present = uniqueLabels(yTrue, yPred);
  const labels = options.labels ?? present;
  const names = options.targetNames ?? labels.map(String);
  if (names.length !== labels.length) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `classificationReport got ${names.length} target names for ${labels.length} labels. Pass one name per label.`,
    );
  }
  const common = { labels, sampleWeight: options.sampleWeight, zeroDivision: options.zeroDivision ?? 'warn' };
  const perClass = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: null });
  const total = pairwiseSum(perClass.support);
  const averaged = (average: Exclude<Average, 'binary'>): ReportRow => {
    const r = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average });
    return { precision: r.precision, recall: r.recall, f1Score: r.fbeta, support: total };
  };
  const microIsAccuracy =
    options.labels === undefined ||
    (new Set(labels).size === present.length && present.every((label) => labels.includes(label)));
  const micro = averaged('micro');
  return {
    classes: labels.map((label, k) => ({
      label,
      name: names[k],
      precision: perClass.precision[k],
      recall: perClass.recall[k],
      f1Score: perClass.fbeta[k],
      support: perClass.support[k],
    })),
    accuracy: microIsAccuracy ? micro.precision : null,
    microAvg: microIsAccuracy ? null : micro,
    macroAvg: averaged('macro'),
    weightedAvg: averaged('weighted'),
  };
}
