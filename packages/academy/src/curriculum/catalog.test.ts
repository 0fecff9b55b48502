import { describe, expect, it } from 'vitest';
import { LAB_GENERATORS } from '../index';
import { LESSONS, lessonById, lessonsOf, MODULES, neighbours } from './catalog';
import type { InteractiveId } from './types';

const ALL_INTERACTIVES: InteractiveId[] = [
  'column-types',
  'log-transform',
  'scatter-trend',
  'imputation',
  'outlier-cut',
  'profile',
  'leakage-split',
  'cv-folds',
  'threshold',
  'tree-depth',
  'imbalance',
  'tfidf-sentence',
  'topics',
  'decomposition',
  'backtest',
  'anomaly-detectors',
];

describe('curriculum catalog', () => {
  it('has four modules of lessons with unique ids, in module order', () => {
    expect(MODULES.map((m) => m.id)).toEqual(['fundamentals', 'cleaning-eda', 'modelling', 'advanced']);
    expect(LESSONS.length).toBeGreaterThanOrEqual(13);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const m of MODULES) expect(lessonsOf(m.id).length).toBeGreaterThanOrEqual(3);
    const order = LESSONS.map((l) => MODULES.findIndex((m) => m.id === l.module));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('gives every lesson an interactive part, labs that exist and studio links', () => {
    const used = new Set<InteractiveId>();
    for (const lesson of LESSONS) {
      const parts = lesson.sections.filter((s) => s.kind === 'interactive');
      expect(parts.length, lesson.id).toBeGreaterThanOrEqual(1);
      for (const part of parts) if (part.kind === 'interactive') used.add(part.interactive);
      expect(lesson.labs.length, lesson.id).toBeGreaterThanOrEqual(1);
      for (const lab of lesson.labs) expect(Object.keys(LAB_GENERATORS)).toContain(lab.id);
      expect(lesson.studio.length, lesson.id).toBeGreaterThanOrEqual(1);
      for (const link of lesson.studio) expect(link.href).toMatch(/^#\/[a-z]+/);
      expect(lesson.takeaways.length).toBeGreaterThanOrEqual(3);
    }
    expect([...used].sort()).toEqual([...ALL_INTERACTIVES].sort());
  });

  it('keeps the prose short: no paragraph over 600 characters, no lesson over 3 500', () => {
    for (const lesson of LESSONS) {
      let total = 0;
      for (const section of lesson.sections) {
        const texts = section.kind === 'prose' ? section.paragraphs : [section.caption];
        for (const text of texts) {
          expect(text.length, `${lesson.id}: ${text.slice(0, 40)}`).toBeLessThan(600);
          total += text.length;
        }
      }
      expect(total, lesson.id).toBeLessThan(3500);
    }
  });

  it('finds lessons and their neighbours', () => {
    expect(lessonById('metrics')?.title).toBe('Metrics and thresholds');
    expect(lessonById('nope')).toBeUndefined();
    expect(neighbours(LESSONS[0].id).previous).toBeUndefined();
    expect(neighbours(LESSONS[0].id).next?.id).toBe(LESSONS[1].id);
    expect(neighbours(LESSONS[LESSONS.length - 1].id).next).toBeUndefined();
  });
});
