import { Matrix, RobustZScore } from '@quarry/ml';
import { median, numericColumn } from '../labs/measures';
import { labData, memo, round } from './lab-data';
import { meanSd } from './stats';

export interface OutlierResult {
  cut: number;
  log: boolean;
  /** Rows beyond the cut by the classical z-score and by the robust z-score. */
  zFlagged: number;
  robustFlagged: number;
  /** Of the planted mistakes (areas typed in ft², mansions), how many each method flags. */
  zCaught: number;
  robustCaught: number;
  planted: number;
  /** How much the planted rows stretch each method's scale: standard deviation and MAD with them ÷ without. */
  sdInflation: number;
  madInflation: number;
  /** The sample the chart draws: living area, both scores, and whether the row was planted. */
  points: { area: number; z: number; robustZ: number; planted: boolean }[];
}

/**
 * The outliers lesson: flag living areas whose |z| exceeds `cut`, with the classical z-score (mean and standard
 * deviation) and with the robust z-score of the real `RobustZScore` detector (median and MAD), on the m² values
 * or their log. The planted mistakes stretch the standard deviation they are measured with, while the median
 * and MAD hardly move. And on a skewed column any z-score also flags the honest tail of big houses: look at
 * the log scale, where only the mistakes stand out.
 */
export const outlierCut = (options: { cut: number; log: boolean }): OutlierResult =>
  outlierMemo(`${options.cut}|${options.log}`);

const scoreMemo = memo((logText) => {
  const ds = labData('house-prices');
  const raw = numericColumn(ds, 'living_area_m2');
  const area = logText === 'true' ? raw.map(Math.log) : raw;
  const planted = new Set(ds.problems.find((p) => p.kind === 'outliers')?.rows ?? []);
  const { mean, sd } = meanSd(area);
  const detector = new RobustZScore().fit(Matrix.fromColumns([area]));
  const clean = area.filter((_, i) => !planted.has(i));
  const mad = (values: Float64Array) => {
    const m = median(values);
    return median(values.map((v) => Math.abs(v - m)));
  };
  return {
    raw,
    z: area.map((v) => (v - mean) / sd),
    robust: detector.scoreSamples(Matrix.fromColumns([area])).map((s) => -s),
    planted,
    sdInflation: sd / meanSd(clean).sd,
    madInflation: mad(area) / mad(clean),
  };
});

const outlierMemo = memo((key) => {
  const [cutText, logText] = key.split('|');
  const cut = Number(cutText);
  const { raw, z, robust, planted, sdInflation, madInflation } = scoreMemo(logText);
  let zFlagged = 0;
  let robustFlagged = 0;
  let zCaught = 0;
  let robustCaught = 0;
  raw.forEach((_, i) => {
    const zHit = Math.abs(z[i]) > cut;
    const rHit = robust[i] > cut;
    zFlagged += zHit ? 1 : 0;
    robustFlagged += rHit ? 1 : 0;
    if (planted.has(i)) {
      zCaught += zHit ? 1 : 0;
      robustCaught += rHit ? 1 : 0;
    }
  });
  // Every planted row and every 5th other row, so the chart stays light but shows every mistake.
  const points = Array.from(raw.keys())
    .filter((i) => planted.has(i) || i % 5 === 0)
    .map((i) => ({
      area: round(raw[i], 1),
      z: round(z[i], 2),
      robustZ: round(robust[i], 2),
      planted: planted.has(i),
    }));
  return {
    cut,
    log: logText === 'true',
    zFlagged,
    robustFlagged,
    zCaught,
    robustCaught,
    planted: planted.size,
    sdInflation,
    madInflation,
    points,
  };
});
