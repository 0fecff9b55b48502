import { MlError } from '../core/errors';
import { Estimator } from '../core/estimator';
import { subTaskOptions, throwIfAborted } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { DEFAULT_LEVELS, type Forecast, type PredictOptions } from './forecaster';
import {
  allCombinations,
  type Combination,
  candidateForecasts,
  combinationName,
  combineForecasts,
  type FittedCandidate,
  fitCandidate,
  PANEL_CANDIDATES,
  type PanelCandidate,
  relativeScores,
} from './global-candidates';
import { checkPanel, checkSeason, conformalQuantile } from './global-features';
import { GlobalGbdtForecaster, type GlobalGbdtParams, type PanelFitOptions } from './global-gbdt-forecaster';
import { mase, maseScale } from './mase';
import { checkHorizon, checkLevels } from './series-checks';
import { smape } from './smape';

export interface AutoPanelParams {
  /** The models to choose among; their medians and means are candidates too. */
  candidates: PanelCandidate[];
  /** 'panel': one choice for all series (robust); 'series': each series its own (noisier, one window each). */
  selection: 'panel' | 'series';
  /** Held-out points at the end of every training series; null: the horizon. */
  validationHorizon: number | null;
  /** Parameters of the global gradient-boosting candidate. */
  gbdt: Partial<GlobalGbdtParams>;
}

/**
 * Automatic forecasting for a panel of series. Every candidate is fitted on the training series without their
 * last `validationHorizon` points and forecasts them; every single candidate and every median and mean of two or
 * more are scored there with an OWA against seasonal naive, and the best (for the panel, or per series) is refitted
 * on the whole series. Nothing after the training data is looked at, so the choice is honest. Intervals are
 * split-conformal from the chosen forecasts' errors on the held-out points, pooled over series per step and
 * scaled by each series' MASE scale.
 *
 *   const auto = new AutoPanelForecaster().fitPanel(panel, { season: 24, horizon: 48 });
 *   auto.selected_; // e.g. ['median(GlobalGbdt, SeasonalNaive, MSTL-ETS)']
 */
export class AutoPanelForecaster extends Estimator<AutoPanelParams> {
  static override readonly kind: string = 'AutoPanelForecaster';
  static override readonly paramConstraints: ParamConstraints = {
    candidates: [{ type: 'array' }],
    selection: [{ type: 'options', values: ['panel', 'series'] }],
    validationHorizon: [{ type: 'int', min: 1 }, { type: 'null' }],
    gbdt: [{ type: 'object' }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    horizon_: 'number',
    selected_: 'strings',
    validationScores_: 'json',
    members_: 'json',
    intervalScales_: 'float64',
    calibration_: 'json',
  };

  declare season_: number;
  declare horizon_: number;
  /** The chosen combination of every series (the same name repeated with panel selection). */
  declare selected_: string[];
  /** Mean validation OWA (against seasonal naive) of every single candidate and combination, by name. */
  declare validationScores_: Record<string, number>;
  /** The refitted members the chosen combinations need. */
  declare members_: FittedCandidate[];
  declare intervalScales_: Float64Array;
  /** Per step, the sorted scaled absolute validation errors of the chosen forecasts over all series. */
  declare calibration_: Float64Array[];

  constructor(params: Partial<AutoPanelParams> = {}) {
    super(
      {
        candidates: ['GlobalGbdt', 'SeasonalNaive', 'MSTL-ETS', 'Theta'],
        selection: 'panel',
        validationHorizon: null,
        gbdt: {},
      },
      params,
    );
  }

  override validateParams(): void {
    super.validateParams();
    const { candidates } = this.params;
    const unknown = candidates.filter((c) => !PANEL_CANDIDATES.includes(c));
    if (candidates.length === 0 || candidates.length > 6 || unknown.length > 0) {
      throw new MlError(
        'INVALID_PARAMETER',
        `AutoPanelForecaster's 'candidates' must be 1 to 6 of ${PANEL_CANDIDATES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`,
        { details: { kind: this.kind, parameter: 'candidates' } },
      );
    }
  }

  fitPanel(series: readonly Float64Array[], options: PanelFitOptions): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const season = checkSeason(options.season ?? 1, this.kind);
    const horizon = checkHorizon(options.horizon, this.kind);
    const v = this.params.validationHorizon ?? horizon;
    checkPanel(series, this.kind, v + 2 * season + 2);
    const { candidates, gbdt, selection } = this.params;
    const heads = series.map((y) => y.subarray(0, y.length - v));
    const tails = series.map((y) => y.subarray(y.length - v));
    const validation = new Map<PanelCandidate, Float64Array[]>();
    const names = [
      ...candidates,
      ...(candidates.includes('SeasonalNaive') ? [] : ['SeasonalNaive' as const]),
    ];
    names.forEach((name, k) => {
      const sub = subTaskOptions(options, (0.5 * k) / names.length, (0.5 * (k + 1)) / names.length, name);
      validation.set(name, candidateForecasts(fitCandidate(name, heads, season, v, gbdt, sub), v));
    });
    const snaive = validation.get('SeasonalNaive') as Float64Array[];
    const reference = {
      smape: mean(snaive.map((f, i) => smape(tails[i], f))),
      mase: mean(snaive.map((f, i) => finite(mase(tails[i], f, heads[i], season)))),
    };
    const combinations = allCombinations(candidates);
    const combined = combinations.map((c) =>
      series.map((_, i) =>
        combineForecasts(
          c.members.map((m) => (validation.get(m) as Float64Array[])[i]),
          c.combine,
        ),
      ),
    );
    const scores = combined.map((f) => relativeScores(f, tails, heads, season, reference));
    this.validationScores_ = Object.fromEntries(
      combinations.map((c, j) => [combinationName(c), mean(scores[j])]),
    );
    const panelBest = argmin(scores.map(mean));
    const choice = series.map((_, i) =>
      selection === 'panel' ? panelBest : argmin(scores.map((s) => s[i])),
    );
    this.calibration_ = Array.from({ length: v }, (_, h) =>
      Float64Array.from(series, (_, i) => {
        const error = Math.abs(tails[i][h] - combined[choice[i]][i][h]);
        return error / (maseScale(heads[i], season) || 1);
      }).sort(),
    );
    this.selected_ = choice.map((j) => combinationName(combinations[j]));
    const needed = candidates.filter((name) => choice.some((j) => combinations[j].members.includes(name)));
    this.members_ = needed.map((name, k) => {
      const sub = subTaskOptions(
        options,
        0.5 + (0.5 * k) / needed.length,
        0.5 + (0.5 * (k + 1)) / needed.length,
        name,
      );
      return fitCandidate(name, series, season, horizon, gbdt, sub);
    });
    this.choices = choice.map((j) => combinations[j]);
    this.season_ = season;
    this.horizon_ = horizon;
    this.intervalScales_ = Float64Array.from(series, (y) => maseScale(y, season) || 1);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Forecasts every series of the fitted panel with its chosen combination, with conformal intervals. */
  predictPanel(horizon: number, options: PredictOptions = {}): Forecast[] {
    this.checkFitted();
    checkHorizon(horizon, this.kind);
    const levels = checkLevels(options.levels ?? DEFAULT_LEVELS, this.kind);
    const byName = new Map(this.members_.map((m) => [m.name, candidateForecasts(m, horizon)]));
    const choices = this.choices ?? this.selected_.map(parseCombination);
    return choices.map((c, i) => {
      const mean = combineForecasts(
        c.members.map((m) => (byName.get(m) as Float64Array[])[i]),
        c.combine,
      );
      const lower: Record<number, Float64Array> = {};
      const upper: Record<number, Float64Array> = {};
      for (const level of levels) {
        const widths = this.calibration_.map((errors) => conformalQuantile(errors, level));
        const width = (h: number) => widths[Math.min(h, widths.length - 1)] * this.intervalScales_[i];
        lower[level] = mean.map((value, h) => value - width(h));
        upper[level] = mean.map((value, h) => value + width(h));
      }
      return { mean, lower, upper };
    });
  }

  /** The chosen combinations (rebuilt from `selected_` after loading). */
  private choices: Combination[] | undefined;

  protected override checkState(): void {
    this.choices = undefined;
    this.expectState(Array.isArray(this.members_), 'members_ must be a list');
    const members = new Set(this.members_.map((m) => m?.name as PanelCandidate));
    const parsed = this.selected_.map(parseCombination);
    this.expectState(
      parsed.every((c) => c.members.length > 0 && c.members.every((m) => members.has(m))),
      'every selected combination must name fitted members',
    );
    this.expectState(
      this.members_.every((m) =>
        m?.global instanceof GlobalGbdtForecaster
          ? m.global.isFitted
          : Array.isArray(m?.local) && m.local.length === this.selected_.length,
      ),
      'members_ must hold a fitted global model or one local model per series',
    );
    this.expectState(
      this.intervalScales_.length === this.selected_.length &&
        Array.isArray(this.calibration_) &&
        this.calibration_.every((c) => c instanceof Float64Array),
      'intervalScales_ and calibration_ must match the panel',
    );
  }
}

/** Reads a name written by `combinationName` back ('median(A, B)' or a single candidate). */
function parseCombination(name: string): Combination {
  const match = /^(median|mean)\((.*)\)$/.exec(name);
  if (match === null) return { members: [name as PanelCandidate], combine: 'mean' };
  return { members: match[2].split(', ') as PanelCandidate[], combine: match[1] as 'median' | 'mean' };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function argmin(values: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] < values[best]) best = j;
  return best;
}
