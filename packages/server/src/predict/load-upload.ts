import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { formatOf } from '../datasets/formats';
import { loadTable } from '../datasets/ingest';
import type { ModelFile } from '../models/model-file';
import { replayRecipe } from '../recipes/replay';
import { ident, type Store } from '../store/db';
import { parseUntrusted } from '../untrusted/parse-untrusted';

export interface Loaded {
  table: string;
  columns: ColumnInfo[];
  /** The table and columns the model reads: the upload, or the upload through the training recipe. */
  model: { table: string; columns: ColumnInfo[] };
  nRows: number;
}

/**
 * Loads an upload into a scratch in-memory DuckDB (never into the data sets) and, for a model trained on a
 * cleaned version, replays the same recipe, then runs `use` and drops the tables again.
 */
export async function withUpload<T>(
  file: ModelFile,
  upload: { path: string; fileName: string },
  options: { tmpDir: string; scratch: Store },
  use: (c: DuckDBConnection, loaded: Loaded) => Promise<T>,
): Promise<T> {
  const format = formatOf(upload.fileName);
  // Parsed in a child process, like a data-set upload (untrusted/parse-untrusted.ts).
  const parsed = await parseUntrusted({ ...upload, format, tmpDir: options.tmpDir });
  const table = `pred_${randomUUID().replaceAll('-', '')}`;
  const cleaned = `${table}_recipe`;
  try {
    return await options.scratch.withConnection(async (c) => {
      try {
        const loaded = await loadTable(c, table, parsed);
        // A model trained on a cleaned version sees the file through the same recipe (row-removing steps aside).
        const steps = file.model.recipe?.steps ?? [];
        const model =
          steps.length === 0
            ? { table, columns: loaded.columns }
            : {
                table: cleaned,
                columns: (
                  await replayRecipe(c, { table, columns: loaded.columns }, steps, {
                    mode: 'predict',
                    into: cleaned,
                  })
                ).columns,
              };
        const nRows = Number(
          (await c.runAndReadAll(`SELECT count(*) AS n FROM ${ident(model.table)}`)).getRowObjectsJS()[0].n,
        );
        return await use(c, { table, columns: loaded.columns, model, nRows });
      } finally {
        await c.run(`DROP TABLE IF EXISTS ${ident(table)}`);
        await c.run(`DROP TABLE IF EXISTS ${ident(cleaned)}`);
      }
    });
  } finally {
    await parsed.discard();
  }
}
