import type { DatasetService, DatasetSummary } from '../datasets/service';
import { columnOrThrow } from '../datasets/summary';
import { type Feature, featureKindOf, withAnalysisTable } from './analysis-table';
import { type Correlations, correlations, MAX_COLUMNS } from './correlations';
import { leakageWarnings } from './leakage';
import { qualityFacts } from './quality-facts';
import { qualityWarnings } from './quality-warnings';
import { resolveTarget } from './target';
import { type TargetRelations, targetRelations } from './target-relations';
import { sortWarnings, type Warning } from './warning';

export interface WarningsQuery {
  target?: string;
  splitColumn?: string;
  groupColumn?: string;
  timeColumn?: string;
}

/**
 * Exploration of a data set: correlations, target relations, and the quality and leakage warnings. Everything is
 * computed in DuckDB on the data-set database (read only) and is deterministic.
 */
export class ExploreService {
  constructor(private readonly datasets: DatasetService) {}

  async correlations(id: string, query: { target?: string; maxColumns?: number }): Promise<Correlations> {
    const { dataset, table } = await this.datasets.source(id);
    const max = Math.min(query.maxColumns ?? MAX_COLUMNS, MAX_COLUMNS);
    const order = await this.relevance(dataset, table, query.target);
    return this.datasets.withConnection((c) =>
      withAnalysisTable(
        c,
        { table, nRows: dataset.nRows, columns: dataset.columns },
        { target: null },
        async (t) => {
          const usable = t.features.filter((f) => f.info.missing < dataset.nRows);
          const ranked = [...usable].sort((a, b) => order(a) - order(b));
          const excluded = ranked
            .slice(max)
            .map((f) => ({ name: f.name, reason: `beyond the ${max} most relevant columns` }));
          for (const col of dataset.columns) {
            if (featureKindOf(col) === null)
              excluded.push({ name: col.name, reason: `${col.type} columns are not correlated` });
            else if (col.missing >= dataset.nRows)
              excluded.push({ name: col.name, reason: 'every value is missing' });
          }
          return correlations(c, t, ranked.slice(0, max), excluded);
        },
      ),
    );
  }

  async targetRelations(id: string, targetName: string): Promise<TargetRelations> {
    const { dataset, table } = await this.datasets.source(id);
    const target = await resolveTarget(this.datasets, dataset, targetName);
    return this.datasets.withConnection((c) =>
      withAnalysisTable(
        c,
        { table, nRows: dataset.nRows, columns: dataset.columns },
        { target },
        async (t) => {
          return (await targetRelations(c, t)).relations;
        },
      ),
    );
  }

  async warnings(id: string, query: WarningsQuery): Promise<Warning[]> {
    const { dataset, table } = await this.datasets.source(id);
    for (const name of [query.splitColumn, query.groupColumn, query.timeColumn]) {
      if (name !== undefined) checkColumn(dataset, name);
    }
    const target =
      query.target === undefined ? null : await resolveTarget(this.datasets, dataset, query.target);
    const source = { table, nRows: dataset.nRows, columns: dataset.columns };
    return this.datasets.withConnection(async (c) => {
      const facts = await qualityFacts(c, source, target);
      const list = qualityWarnings(facts, target?.name ?? null);
      if (target !== null) {
        list.push(
          ...(await leakageWarnings(c, source, {
            target,
            split: query.splitColumn === undefined ? null : { column: query.splitColumn },
            groupColumn: query.groupColumn ?? null,
            timeColumn: query.timeColumn ?? null,
          })),
        );
      }
      return sortWarnings(list);
    });
  }

  /** The leakage warnings for a training request (the quality ones are the Explore page's business). */
  async leakageForTraining(id: string, targetName: string, testRows: number[] | null): Promise<Warning[]> {
    const { dataset, table } = await this.datasets.source(id);
    const target = await resolveTarget(this.datasets, dataset, targetName);
    const source = { table, nRows: dataset.nRows, columns: dataset.columns };
    const warnings = await this.datasets.withConnection((c) =>
      leakageWarnings(c, source, {
        target,
        split: testRows === null ? null : { testRows },
        groupColumn: null,
        timeColumn: null,
      }),
    );
    return sortWarnings(warnings);
  }

  /** A sort key for correlation columns: the target first, then strongest relation to it, else fewest missing. */
  private async relevance(dataset: DatasetSummary, table: string, targetName: string | undefined) {
    const position = (f: Feature) => dataset.columns.findIndex((c) => c.name === f.name);
    if (targetName === undefined) return (f: Feature) => f.info.missing * 10_000 + position(f);
    const relations = await this.datasets.withConnection(async (c) => {
      const target = await resolveTarget(this.datasets, dataset, targetName);
      return withAnalysisTable(
        c,
        { table, nRows: dataset.nRows, columns: dataset.columns },
        { target },
        async (t) => (await targetRelations(c, t)).relations,
      );
    });
    const rank = new Map(relations.features.map((r, k) => [r.name, k + 1]));
    return (f: Feature) => (f.name === targetName ? 0 : (rank.get(f.name) ?? 100_000 + position(f)));
  }
}

function checkColumn(dataset: DatasetSummary, name: string): void {
  columnOrThrow(dataset, name);
}
