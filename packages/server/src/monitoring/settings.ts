import type { Store } from '../store/db';

/** Drift thresholds: a feature drifts when its PSI reaches `psi`, or a test is significant *and* large enough. */
export interface DriftThresholds {
  psi: number;
  pValue: number;
  /** Kolmogorov–Smirnov statistic (largest gap between the two CDFs) that counts as large. */
  ks: number;
  /** Cramér's V (effect size of the chi-square test) that counts as large. */
  cramersV: number;
  /** Fewer logged rows than this: no verdict (too few to tell drift from noise). */
  minRows: number;
  /** A metric worse than the holdout by this fraction is a performance alert. */
  performanceDrop: number;
}

export interface Challenger {
  version: number;
  /** 'split': `share` of production traffic is answered by the challenger; 'shadow': all of it is also scored by it. */
  mode: 'split' | 'shadow';
  share: number;
}

/** Per model name, saved as versioned JSON. */
export interface ServingSettings {
  version: 1;
  thresholds: DriftThresholds;
  challenger: Challenger | null;
}

export const DEFAULT_THRESHOLDS: DriftThresholds = {
  psi: 0.2,
  pValue: 0.01,
  ks: 0.1,
  cramersV: 0.1,
  minRows: 50,
  performanceDrop: 0.1,
};

const defaults = (): ServingSettings => ({
  version: 1,
  thresholds: { ...DEFAULT_THRESHOLDS },
  challenger: null,
});

/** Reads and writes model_serving_settings; kept in memory because the predict route reads it on every call. */
export class SettingsStore {
  private readonly cache = new Map<string, ServingSettings>();

  constructor(private readonly store: Store) {}

  async get(name: string): Promise<ServingSettings> {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const row = await this.store.one<{ settings: string }>(
      'SELECT settings FROM model_serving_settings WHERE model_name = $1',
      [name],
    );
    const saved = row === undefined ? defaults() : (JSON.parse(row.settings) as ServingSettings);
    const settings = { ...saved, thresholds: { ...DEFAULT_THRESHOLDS, ...saved.thresholds } };
    this.cache.set(name, settings);
    return settings;
  }

  async update(
    name: string,
    patch: { thresholds?: Partial<DriftThresholds>; challenger?: Challenger | null },
  ): Promise<ServingSettings> {
    const current = await this.get(name);
    const next: ServingSettings = {
      version: 1,
      thresholds: { ...current.thresholds, ...patch.thresholds },
      challenger: patch.challenger === undefined ? current.challenger : patch.challenger,
    };
    await this.store.run(
      `INSERT INTO model_serving_settings VALUES ($1, $2)
       ON CONFLICT (model_name) DO UPDATE SET settings = excluded.settings`,
      [name, JSON.stringify(next)],
    );
    this.cache.set(name, next);
    return next;
  }
}
