/** Shapes of the monitoring API (packages/server/src/monitoring). */

export interface ServedVersion {
  name: string;
  version: number;
  nLogged: number;
  lastAt: string;
}

export interface FeatureDrift {
  feature: string;
  kind: 'numeric' | 'categorical';
  status: 'drift' | 'watch' | 'ok' | 'too_few_rows';
  score: number;
  psi: number;
  ks?: { statistic: number; pValue: number };
  chiSquare?: { statistic: number; df: number; pValue: number; cramersV: number };
  nReference: number;
  nCurrent: number;
  reason: string;
}

export interface Attention {
  kind: 'drift' | 'performance';
  subject: string;
  score: number;
  message: string;
}

export interface PerformancePoint {
  start: string;
  n: number;
  accuracy?: number;
  mae?: number;
  rmse?: number;
}

export interface MonitoringReport {
  model: { name: string; version: number; task: 'classification' | 'regression' };
  nLogged: number;
  nWithOutcome: number;
  thresholds: Thresholds;
  attention: Attention[];
  drift: FeatureDrift[];
  performance: { holdout: Record<string, number>; overTime: PerformancePoint[] };
}

/** Drift and performance thresholds of a model name (server: monitoring/settings.ts). */
export interface Thresholds {
  psi: number;
  pValue: number;
  ks: number;
  cramersV: number;
  minRows: number;
  performanceDrop: number;
}

export interface Challenger {
  version: number;
  mode: 'split' | 'shadow';
  share: number;
}

export interface ChallengerComparison {
  name: string;
  challenger: Challenger | null;
  arms: {
    version: number;
    arm: 'champion' | 'challenger' | 'shadow';
    n: number;
    accuracy?: number;
    mae?: number;
    rmse?: number;
  }[];
}

export interface ApiToken {
  id: string;
  name: string;
  scope: 'predict' | 'admin';
  createdAt: string;
  revokedAt: string | null;
}
