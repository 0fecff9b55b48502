import { Text } from '@mantine/core';
import type { PredictionResult } from '../api/types';

/** One line under the predictions: what the interval / set columns mean and how well they covered the holdout. */
export function UncertaintyNote({
  uncertainty,
}: {
  uncertainty: NonNullable<PredictionResult['uncertainty']>;
}) {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const what =
    uncertainty.method === 'lac-cross-conformal'
      ? `${uncertainty.columns.join(', ')} lists every class the model cannot rule out`
      : `${uncertainty.columns.join(' and ')} bound each prediction`;
  return (
    <Text size="sm" data-testid="uncertainty-note">
      {what} at {pct(uncertainty.level)} nominal coverage (conformal, calibrated out of fold).
      {uncertainty.holdoutCoverage !== null &&
        ` On the holdout they covered ${pct(uncertainty.holdoutCoverage)} of the true values.`}
    </Text>
  );
}
