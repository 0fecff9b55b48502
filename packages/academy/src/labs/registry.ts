import { churnLab } from './churn-lab';
import { housePricesLab } from './house-prices-lab';
import type { LabDefinition } from './lab-types';
import { paymentFraudLab } from './payment-fraud-lab';
import { retailDemandLab } from './retail-demand-lab';

/** The four labs, in the order the Academy teaches them. */
export const LABS: readonly LabDefinition[] = [churnLab, housePricesLab, retailDemandLab, paymentFraudLab];

export function labById(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}
