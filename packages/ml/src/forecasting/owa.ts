/** The M4 Overall Weighted Average: the mean of sMAPE and MASE, each relative to Naive2's. */
export function owa(smapeValue: number, maseValue: number, naive2Smape: number, naive2Mase: number): number {
  return 0.5 * (smapeValue / naive2Smape + maseValue / naive2Mase);
}
