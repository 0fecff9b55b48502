import { seededSampleSql } from '../datasets/sample';
import type { DatasetService } from '../datasets/service';
import { columnOrThrow } from '../datasets/summary';
import { httpError } from '../errors';
import { ident } from '../store/db';
import type { TextBody } from './schemas';
import type { TextTopicsInput, TextTopicsOutput } from './topics';

export type TextResult = TextTopicsOutput & {
  column: string;
  method: 'nmf' | 'lda';
  nRows: number;
  sampled: boolean;
  seed: number;
  target: string | null;
};

/** Column types whose values are words worth reading as text. */
const TEXT_TYPES = new Set(['text', 'categorical']);

/**
 * Explore → Text: topics of one text column (NMF or LDA over TF-IDF / counts), its most common terms, and with a
 * classification target the terms that separate the classes. DuckDB reads a seeded sample (a hash of row id and
 * seed, so the same rows every time); the models run in the worker pool.
 */
export class TextService {
  constructor(
    private readonly datasets: DatasetService,
    private readonly runInPool: (input: TextTopicsInput) => Promise<TextTopicsOutput>,
  ) {}

  async topics(id: string, body: TextBody): Promise<TextResult> {
    const { dataset, table } = await this.datasets.source(id);
    const check = (name: string, what: string) => {
      const info = columnOrThrow(dataset, name);
      if (what === 'text' && !TEXT_TYPES.has(info.type))
        throw httpError('COLUMN_NOT_TEXT', { column: name, type: info.type });
      if (what === 'target' && !['categorical', 'boolean'].includes(info.type))
        throw httpError('BAD_PARAMETER', {
          detail: `'${name}' is ${info.type}; the terms by class need a categorical or yes/no target. Leave the target out, or pick another.`,
        });
    };
    check(body.column, 'text');
    if (body.target !== undefined) check(body.target, 'target');
    const select = [`CAST(${ident(body.column)} AS VARCHAR) AS doc`];
    if (body.target !== undefined) select.push(`trim(CAST(${ident(body.target)} AS VARCHAR)) AS label`);
    const { sql, sampled } = seededSampleSql(ident(table), select, {
      nRows: dataset.nRows,
      maxRows: body.maxDocuments,
      seed: body.seed,
    });
    const columns = await this.datasets.withConnection(async (c) =>
      (await c.runAndReadAll(sql)).getColumnsJS(),
    );
    const documents = (columns[0] as (string | null)[]).map((d) => d ?? '');
    const labels =
      body.target === undefined
        ? null
        : (columns[1] as (string | null)[]).map((l) => (l === null || l === '' ? null : l));
    const output = await this.runInPool({
      kind: 'text-topics',
      documents,
      labels,
      method: body.method,
      topics: body.topics,
      terms: body.terms,
      seed: body.seed,
    });
    if (output.problem !== undefined)
      throw httpError('BAD_PARAMETER', {
        detail: `Cannot find topics in '${body.column}': ${output.problem}`,
      });
    return {
      ...output,
      column: body.column,
      method: body.method,
      nRows: dataset.nRows,
      sampled,
      seed: body.seed,
      target: body.target ?? null,
    };
  }
}
