import { describe, expect, it } from 'vitest';
import { confirmationText } from '../models/stage';
import { meanStd } from './leaderboard-table';
import { primaryChoices, scorerLabel, shownScore } from './scorers';

describe('scores as people read them', () => {
  it('turns negated losses back to positive numbers', () => {
    expect(shownScore('neg_root_mean_squared_error', -2.5)).toBe(2.5);
    expect(shownScore('roc_auc', 0.7)).toBe(0.7);
    expect(shownScore('roc_auc', null)).toBeNull();
    expect(shownScore('roc_auc', Number.NaN)).toBeNull();
  });

  it('shows mean ± std, the std never negated', () => {
    expect(meanStd('roc_auc', { mean: 0.69245, std: 0.00923, folds: [] })).toBe('0.692 ± 0.009');
    expect(meanStd('neg_log_loss', { mean: -0.3098, std: 0.0036, folds: [] })).toBe('0.310 ± 0.004');
    expect(meanStd('f1', { mean: null, std: null, folds: [null] })).toBe('—');
    expect(meanStd('f1', undefined)).toBe('—');
  });

  it('names scorers, and keeps an unknown name as is', () => {
    expect(scorerLabel('neg_root_mean_squared_error')).toBe('RMSE');
    expect(scorerLabel('something_new')).toBe('something_new');
  });

  it('offers the default primary metric first, per task', () => {
    expect(primaryChoices('classification', true)[0]).toBe('roc_auc');
    expect(primaryChoices('classification', false)[0]).toBe('roc_auc_ovr');
    expect(primaryChoices('regression', false)[0]).toBe('neg_root_mean_squared_error');
  });
});

describe('confirmationText', () => {
  it('is what the server checks: <name>-v<version>', () => {
    expect(confirmationText({ name: 'so-Remote', version: 2 })).toBe('so-Remote-v2');
  });
});
