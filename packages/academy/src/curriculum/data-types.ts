import { categoricalColumn, Frame, OneHotEncoder, rocAucScore, trainTestSplit } from '@quarry/ml';
import { columnOf, missingShare, numericColumn } from '../labs/measures';
import { churnFeatures, labData, logisticScores, medianFilled, memo, takeLabels01 } from './lab-data';
import { type Bin, histogram, valueCounts } from './stats';

export interface ColumnCard {
  name: string;
  type: string;
  description: string;
  distinct: number;
  missingShare: number;
  examples: string[];
  /** How a model pipeline turns the column into numbers. */
  encoding: string;
  /** Number columns the encoding produces. */
  encodedColumns: number;
  /** Holdout ROC AUC of a logistic regression on this column alone (0.5 = no signal). */
  aloneAuc: number;
  /** A histogram for numeric columns, value counts (top 12) otherwise. */
  histogram?: Bin[];
  counts?: { value: string; count: number }[];
}

/** The churn table's feature columns (everything but the target), in table order. */
export function churnColumns(): string[] {
  const ds = labData('churn');
  return ds.columns.map((c) => c.name).filter((name) => name !== ds.target);
}

/**
 * The data-types lesson: what one churn column is, how the engine encodes it (numbers scaled, categories
 * one-hot encoded with the real `OneHotEncoder`, booleans as 0/1) and how much it says about churn on its own.
 * An identifier read as a number is the classic mistake: it encodes fine and carries no signal (AUC ≈ 0.5).
 */
export const columnCard = (name: string): ColumnCard => cardMemo(name);

const cardMemo = memo((name) => {
  const ds = labData('churn');
  const column = ds.columns.find((c) => c.name === name);
  if (!column) throw new Error(`The churn table has no column '${name}'.`);
  const raw = columnOf(ds, name);
  const { y } = churnFeatures();
  let encoded: Float64Array[];
  let encoding: string;
  const card: Partial<ColumnCard> = {};
  if (column.type === 'numeric') {
    const values = numericColumn(ds, name);
    encoded = [medianFilled(values)];
    encoding = 'Missing values filled with the median, then standardised: one number column.';
    card.histogram = histogram(values, 24);
  } else if (column.type === 'boolean') {
    encoded = [Float64Array.from(raw, (v) => (v === true ? 1 : 0))];
    encoding = 'true → 1, false → 0: one number column.';
    card.counts = valueCounts(raw);
  } else if (column.type === 'identifier') {
    encoded = [Float64Array.from(raw, (v) => Number(String(v).replace(/\D/g, '')))];
    encoding = 'Read as a number (its digits), which is what happens when nobody marks it as an identifier.';
    card.counts = valueCounts(raw).slice(0, 12);
  } else {
    const frame = new Frame([
      categoricalColumn(
        name,
        raw.map((v) => (v === null ? null : String(v))),
      ),
    ]);
    const matrix = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(frame).transform(frame);
    encoded = Array.from({ length: matrix.nCols }, (_, j) => matrix.column(j));
    encoding = `One-hot encoded: one 0/1 column per category (${matrix.nCols}).`;
    card.counts = valueCounts(raw).slice(0, 12);
  }
  const { train, test } = trainTestSplit(y.length, { testSize: 0.3, stratify: y, randomState: 1 });
  const aloneAuc = rocAucScore(takeLabels01(y, test), logisticScores(encoded, y, train, test));
  return {
    name,
    type: column.type,
    description: column.description,
    distinct: new Set(raw.filter((v) => v !== null)).size,
    missingShare: missingShare(ds, name),
    examples: [
      ...new Set(
        raw
          .filter((v) => v !== null)
          .slice(0, 40)
          .map(String),
      ),
    ].slice(0, 4),
    encoding,
    encodedColumns: encoded.length,
    aloneAuc,
    ...card,
  };
});
