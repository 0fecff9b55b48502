import { describe, expect, it } from 'vitest';
import { href, parseHash } from './route';

describe('parseHash', () => {
  it('maps each hash to its page', () => {
    expect(parseHash('#/data')).toEqual({ page: 'data' });
    expect(parseHash('#/data/ds_1')).toEqual({ page: 'dataset', id: 'ds_1' });
    expect(parseHash('#/train')).toEqual({ page: 'train' });
    expect(parseHash('#/train?dataset=ds_1')).toEqual({ page: 'train', datasetId: 'ds_1' });
    expect(parseHash('#/predict?model=m%201')).toEqual({ page: 'predict', modelId: 'm 1' });
    expect(parseHash('#/models')).toEqual({ page: 'models' });
    expect(parseHash('#/explore')).toEqual({ page: 'explore' });
    expect(parseHash('#/explore?dataset=ds_1')).toEqual({ page: 'explore', datasetId: 'ds_1' });
    expect(parseHash('#/sql')).toEqual({ page: 'sql' });
    expect(parseHash('#/forecast?dataset=ds_1')).toEqual({ page: 'forecast', datasetId: 'ds_1' });
    expect(parseHash('#/monitor')).toEqual({ page: 'monitor' });
    expect(parseHash('#/data/ds_1?tab=clean')).toEqual({ page: 'dataset', id: 'ds_1', tab: 'clean' });
    expect(parseHash('#/academy')).toEqual({ page: 'academy' });
    expect(parseHash('#/academy/lessons/leakage')).toEqual({ page: 'lesson', id: 'leakage' });
    expect(parseHash('#/academy/labs/churn')).toEqual({ page: 'lab', id: 'churn' });
    expect(parseHash('#/academy/labs')).toEqual({ page: 'academy' });
  });

  it('falls back to the data page for empty or unknown hashes', () => {
    expect(parseHash('')).toEqual({ page: 'data' });
    expect(parseHash('#/nowhere')).toEqual({ page: 'data' });
  });

  it('round-trips through href', () => {
    for (const hash of [
      '#/data',
      '#/data/a%2Fb',
      '#/train?dataset=x',
      '#/predict?model=y',
      '#/models',
      '#/explore?dataset=z',
      '#/sql',
      '#/forecast',
      '#/forecast?dataset=f',
      '#/monitor',
      '#/data/x?tab=clean',
      '#/academy',
      '#/academy/lessons/time-series',
      '#/academy/labs/house-prices',
    ]) {
      expect(href(parseHash(hash))).toBe(hash);
    }
  });
});
