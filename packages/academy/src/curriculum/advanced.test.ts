import { describe, expect, it } from 'vitest';
import { report } from '../labs/report';
import { anomalyFlags } from './anomalies';
import { supportTickets } from './support-tickets';
import { sentenceTerms, ticketTopics } from './text';
import { decomposeDemand, demandSeries, walkForward } from './time-series';

describe('text lesson', () => {
  it('weights rare words above common ones and drops stop words and unknown words', () => {
    expect(supportTickets()).toEqual(supportTickets());
    const result = sentenceTerms('Hi, I want a refund: my bill was charged twice. Please help! Zebra.');
    const weight = (term: string) => result.terms.find((t) => t.term === term);
    report(result.terms.map((t) => `${t.term}:${t.weight}`).join(' '));
    expect(weight('refund')?.idf).toBeGreaterThan(weight('help')?.idf ?? Number.POSITIVE_INFINITY);
    expect(weight('refund')?.weight).toBeGreaterThan(weight('help')?.weight ?? 1);
    expect(result.dropped).toEqual(expect.arrayContaining(['my', 'please', 'zebra']));
    const norm = Math.hypot(...result.terms.map((t) => t.weight));
    expect(norm).toBeCloseTo(1, 2);
    expect(sentenceTerms('help help refund').terms.find((t) => t.term === 'help')?.count).toBe(2);
  });

  it('finds the four ticket themes as four NMF topics', () => {
    const four = ticketTopics(4);
    report(
      four.topics
        .map((t) => `${t.theme} ${t.purity.toFixed(2)}: ${t.terms.map((x) => x.term).join(' ')}`)
        .join(' | '),
    );
    expect(new Set(four.topics.map((t) => t.theme)).size).toBe(4);
    for (const topic of four.topics) expect(topic.purity).toBeGreaterThan(0.9);
    const two = ticketTopics(2);
    expect(Math.min(...two.topics.map((t) => t.purity))).toBeLessThan(0.9);
  });
});

describe('time series lesson', () => {
  it('finds the Saturday peak and a strong weekly season', () => {
    const series = demandSeries('P01');
    expect(series.units.length).toBe(731);
    expect(series.filledDays).toBeGreaterThan(0);
    expect(series.units.every((v) => Number.isFinite(v))).toBe(true);
    for (const method of ['stl', 'classical'] as const) {
      const parts = decomposeDemand({ product: 'P01', method });
      const peak = parts.weekday.reduce((a, b) => (b.effect > a.effect ? b : a));
      report(`${method}: strength ${parts.strength.toFixed(3)}, peak ${peak.day}`);
      expect(peak.day).toBe('Sat');
      expect(parts.strength).toBeGreaterThan(0.4);
      expect(parts.points).toHaveLength(112);
    }
  });

  it('backtests walk-forward: errors grow with the horizon and ETS beats seasonal naive a week ahead', () => {
    const week = walkForward({ product: 'P01', horizon: 7 });
    const month = walkForward({ product: 'P01', horizon: 28 });
    report(
      `h7 naive ${week.mae.seasonalNaive.toFixed(2)} ets ${week.mae.ets.toFixed(2)}; h28 naive ${month.mae.seasonalNaive.toFixed(2)} ets ${month.mae.ets.toFixed(2)}`,
    );
    expect(week.folds).toBe(8);
    expect(week.perStep).toHaveLength(7);
    expect(week.lastFold[week.lastFold.length - 1].date).toBe(demandSeries('P01').dates.at(-1));
    expect(week.mae.ets).toBeLessThan(week.mae.seasonalNaive);
    expect(month.mae.seasonalNaive).toBeGreaterThan(week.mae.seasonalNaive);
  });
});

describe('anomaly detection lesson', () => {
  it('flags the contamination share, with detectors that disagree and an ensemble between them', () => {
    const low = anomalyFlags(0.05);
    const high = anomalyFlags(0.1);
    const by = (r: typeof low, d: string) => r.detectors.find((x) => x.detector === d)!;
    report(
      low.detectors
        .map(
          (d) =>
            `${d.detector} flagged ${d.flagged} P ${d.precision.toFixed(2)} R ${d.recall.toFixed(2)} AP ${d.averagePrecision.toFixed(3)}`,
        )
        .join('; '),
    );
    expect(low.rows).toBe(1500);
    expect(low.frauds).toBe(100);
    expect(by(low, 'isolationForest').flagged).toBe(75);
    expect(by(high, 'isolationForest').recall).toBeGreaterThan(by(low, 'isolationForest').recall - 1e-9);
    // The isolation forest ranks fraud far above the 7% base rate; LOF hardly above it.
    expect(by(low, 'isolationForest').averagePrecision).toBeGreaterThan(0.5);
    expect(by(low, 'localOutlierFactor').averagePrecision).toBeLessThan(0.15);
    const singles = low.detectors.filter((d) => d.detector !== 'ensemble').map((d) => d.averagePrecision);
    const ensemble = by(low, 'ensemble').averagePrecision;
    expect(ensemble).toBeGreaterThan(singles.reduce((a, b) => a + b, 0) / singles.length);
    expect(low.caughtByAny).toBeGreaterThan(by(low, 'isolationForest').recall * low.frauds - 1);
  });
});
