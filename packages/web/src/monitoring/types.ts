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
  thresholds: Record<string, number>;
  attention: Attention[];
  drift: FeatureDrift[];
  performance: { holdout: Record<string, number>; overTime: PerformancePoint[] };
}
