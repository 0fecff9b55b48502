import type { DuckDBConnection } from '@duckdb/node-api';
import { httpError } from '../errors';
import { literal } from '../store/db';
import type { ParseLimits } from './limits';

/**
 * Reads a Parquet file's footer before its rows: a small file can declare billions of rows (run-length encoding
 * of one value, the "42.parquet" bomb) or gigabytes of pages, and converting it would fill the disk long before
 * the clock ran out. One row of `parquet_metadata` per column chunk: summing the chunks' row counts gives rows ×
 * columns.
 */
export async function preflightParquet(
  c: DuckDBConnection,
  path: string,
  fileName: string,
  limits: Pick<ParseLimits, 'maxParquetCells' | 'maxParquetUncompressedBytes'>,
): Promise<void> {
  const row = (
    await c.runAndReadAll(
      `SELECT coalesce(sum(row_group_num_rows), 0)::DOUBLE AS cells,
              coalesce(sum(total_uncompressed_size), 0)::DOUBLE AS bytes
       FROM parquet_metadata(${literal(path)})`,
    )
  ).getRowObjectsJS()[0] as { cells: number; bytes: number };
  const refuse = (detail: string) => httpError('UNREADABLE_FILE', { fileName, format: 'Parquet', detail });
  if (row.cells > limits.maxParquetCells)
    throw refuse(
      `it declares ${row.cells.toExponential(2)} values (rows × columns); the limit is ${limits.maxParquetCells.toExponential(2)}`,
    );
  if (row.bytes > limits.maxParquetUncompressedBytes)
    throw refuse(
      `it declares ${Math.round(row.bytes / 1024 / 1024)} MiB uncompressed; the limit is ${Math.round(limits.maxParquetUncompressedBytes / 1024 / 1024)} MiB`,
    );
}
