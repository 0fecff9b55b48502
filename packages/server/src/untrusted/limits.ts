import { availableParallelism } from 'node:os';

/**
 * Limits for parsing an untrusted file in the child process (parse-untrusted.ts). Each bounds one way a crafted
 * file can hurt the server: heap and DuckDB memory (bombs), wall clock (pathological parses), line and cell
 * length (one 100 MB "row"), entries and expansion of an .xlsx zip (zip bombs). The defaults fit a laptop; the
 * environment variables exist for the rare legitimate file beyond them.
 */
export interface ParseLimits {
  /** V8 old-space cap of the child (--max-old-space-size): exceljs and our own JS run under it. */
  heapMb: number;
  /** DuckDB memory_limit in the child. */
  duckdbMemoryMb: number;
  /** DuckDB threads in the child. */
  threads: number;
  /** Children parsing at once; more uploads wait their turn (each child may use heapMb + duckdbMemoryMb). */
  maxParallel: number;
  /** Wall clock; the child is killed with SIGKILL after it. */
  timeoutMs: number;
  /** Longest line of a CSV/TSV (DuckDB max_line_size). */
  maxLineBytes: number;
  /** Longest single value, any format. */
  maxCellBytes: number;
  /** .xlsx: entries in the zip's central directory. */
  maxZipEntries: number;
  /** .xlsx: uncompressed bytes of all entries together (declared, and counted while inflating). */
  maxZipUncompressedBytes: number;
  /** .xlsx: uncompressed ÷ compressed, for the archive and for every entry over 1 MiB. */
  maxZipRatio: number;
  /** Parquet: rows × columns its footer declares (a 42.parquet declares petabytes from kilobytes). */
  maxParquetCells: number;
  /** Parquet: the uncompressed bytes of all column chunks its footer declares. */
  maxParquetUncompressedBytes: number;
}

const MiB = 1024 * 1024;

const fromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** The limits in force: defaults, overridden by QUARRY_PARSE_* environment variables (docs/data-handling.md). */
export function parseLimits(): ParseLimits {
  return {
    heapMb: fromEnv('QUARRY_PARSE_HEAP_MB', 512),
    duckdbMemoryMb: fromEnv('QUARRY_PARSE_MEMORY_MB', 1024),
    threads: Math.min(4, availableParallelism()),
    maxParallel: fromEnv('QUARRY_PARSE_PARALLEL', 2),
    timeoutMs: fromEnv('QUARRY_PARSE_TIMEOUT_SECONDS', 300) * 1000,
    maxLineBytes: 8 * MiB,
    maxCellBytes: 1 * MiB,
    maxZipEntries: 10_000,
    maxZipUncompressedBytes: fromEnv('QUARRY_PARSE_MAX_XLSX_MB', 1024) * MiB,
    maxZipRatio: 100,
    maxParquetCells: fromEnv('QUARRY_PARSE_MAX_CELLS', 500_000_000),
    maxParquetUncompressedBytes: fromEnv('QUARRY_PARSE_MAX_PARQUET_MB', 8192) * MiB,
  };
}
