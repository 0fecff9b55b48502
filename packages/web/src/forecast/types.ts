/** The forecast API's shapes (server: packages/server/src/forecasting/record.ts). */
export interface ModelScore {
  model: string;
  status: 'ok' | 'failed';
  error: string | null;
  mase: number | null;
  smape: number | null;
  mae: number | null;
  rank: number | null;
}

export interface SeriesRecord {
  id: string;
  n: number;
  filled: number;
  history: { times: (string | number)[]; values: number[] };
  forecast: {
    times: (string | number)[];
    mean: number[];
    lower: Record<string, number[]>;
    upper: Record<string, number[]>;
  };
  result: {
    chosen: string;
    members: string[];
    intervals: 'model' | 'conformal';
    season: number;
    folds: { trainEnd: number; horizon: number }[];
    scores: ModelScore[];
    combination: ModelScore | null;
    coverage: Record<string, number | null>;
  } | null;
  error: { code: string; message: string } | null;
}

export interface ForecastRun {
  format: 'quarry-forecast';
  version: 1;
  id: string;
  name: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  request: {
    horizon: number;
    levels: number[];
    models: string[];
    select: string;
    season: number;
    folds: number;
  };
  columns: { id: string | null; time: string; value: string };
  frequency: { unit: string; step: number; season: number; label: string };
  models: { model: string; mase: number | null; smape: number | null; series: number; chosen: number }[];
  series: SeriesRecord[];
}

export interface ForecastColumns {
  detected: { id?: string | null; time?: string; value?: string };
  columns: { name: string; type: string }[];
  models: { key: string; label: string; default: boolean }[];
}

export interface ForecastRequest {
  datasetId: string;
  idColumn: string | null;
  timeColumn: string;
  valueColumn: string;
  horizon: number;
  models: string[];
  select: string;
  sort: boolean;
}
