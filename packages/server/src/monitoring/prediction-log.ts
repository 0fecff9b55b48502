import {
  DOUBLE,
  type DuckDBAppender,
  DuckDBDataChunk,
  INTEGER,
  TIMESTAMPTZ,
  timestampTZValue,
  VARCHAR,
} from '@duckdb/node-api';
import type { Store } from '../store/db';

/** One scored row as the prediction log keeps it. */
export interface LogEntry {
  rowId: string;
  modelId: string;
  modelName: string;
  modelVersion: number;
  /** 'direct' (a version called by number), 'champion', 'challenger' (a routed share) or 'shadow'. */
  arm: 'direct' | 'champion' | 'challenger' | 'shadow';
  inputHash: string;
  /** The model's features in schema order, as JSON. */
  inputs: string;
  /** The predicted class label, or the value as text. */
  prediction: string | null;
  /** Class → probability, as JSON; null for regression. */
  proba: string | null;
  latencyMs: number;
  timeMs: number;
}

const FLUSH_ROWS = 2000;
const FLUSH_MS = 200;

/**
 * The prediction log, written off the request path: entries are buffered in memory and appended to DuckDB in
 * batches (an appender, one transaction per batch), at most FLUSH_MS after they were scored. A crash can lose that
 * last fraction of a second of log, never a prediction answer. Readers call `flush()` first.
 */
export class PredictionLog {
  private buffer: LogEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  add(entry: LogEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length >= FLUSH_ROWS) this.flushQuietly();
    else if (this.timer === null) {
      this.timer = setTimeout(() => this.flushQuietly(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes everything buffered so far; resolves when it is in DuckDB. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.buffer;
    this.buffer = [];
    const job = this.writing.then(() => (batch.length === 0 ? undefined : this.write(batch)));
    this.writing = job.catch(() => undefined); // one failed batch must not stop the ones after it
    return job;
  }

  private flushQuietly(): void {
    this.flush().catch((err) => this.onError(err));
  }

  /**
   * Writes a batch with as little work as possible on the event loop: the entries go to DuckDB as one string
   * that an INSERT splits and casts on DuckDB's own threads (`packed`). Building DuckDB vectors in JavaScript
   * (data chunks through an appender) blocked the event loop ~4 ms per 1 000 rows; the packed string costs
   * about a quarter of that, and the rest runs beside the server. A batch with a separator character in a
   * free-form field (a model name or a class label) is appended as data chunks instead.
   */
  private async write(batch: LogEntry[]): Promise<void> {
    const text = packed(batch);
    await this.store.withConnection(async (c) => {
      if (text !== null) await c.run(INSERT_PACKED, [text]);
      else appendChunks(await c.createAppender('prediction_log'), batch);
    });
  }
}

/** Field and record separators of the packed form: control characters, which JSON text never contains raw. */
const FIELD = '\x1f';
const RECORD = '\x1e';
const hasSeparator = (v: string) => v.includes(FIELD) || v.includes(RECORD);

/**
 * The batch as records of fields in table order; a nullable field is '' for null and the value behind a '=' mark
 * otherwise (so an empty label stays an empty label). Null when a free-form field contains a separator.
 */
function packed(batch: LogEntry[]): string | null {
  const records: string[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const e = batch[i];
    if (hasSeparator(e.modelName) || (e.prediction !== null && hasSeparator(e.prediction))) return null;
    const prediction = e.prediction === null ? '' : `=${e.prediction}`;
    const proba = e.proba === null ? '' : `=${e.proba}`;
    records[i] =
      `${e.rowId}${FIELD}${e.modelId}${FIELD}${e.modelName}${FIELD}${e.modelVersion}${FIELD}${e.arm}${FIELD}` +
      `${e.inputHash}${FIELD}${e.inputs}${FIELD}${prediction}${FIELD}${proba}${FIELD}${e.latencyMs}${FIELD}` +
      `${Math.round(e.timeMs * 1000)}`;
  }
  return records.join(RECORD);
}

/** Unpacks `packed` text: the same values, types and nulls the appender writes (numbers round-trip exactly). */
const nullable = (k: number) => `CASE WHEN f[${k}] = '' THEN NULL ELSE substr(f[${k}], 2) END`;
const INSERT_PACKED = `INSERT INTO prediction_log
  SELECT f[1], f[2], f[3], f[4]::INTEGER, f[5], f[6], f[7], ${nullable(8)}, ${nullable(9)}, f[10]::DOUBLE,
         make_timestamptz(f[11]::BIGINT)
  FROM (SELECT string_split(record, chr(31)) AS f FROM (SELECT unnest(string_split($1, chr(30))) AS record))`;

/** Appends a batch as DuckDB data chunks (2 048 rows, one column at a time) and closes the appender. */
function appendChunks(appender: DuckDBAppender, batch: LogEntry[]): void {
  try {
    for (let start = 0; start < batch.length; start += CHUNK_ROWS) {
      const part = batch.slice(start, start + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(LOG_TYPES, part.length);
      chunk.setColumns([
        part.map((e) => e.rowId),
        part.map((e) => e.modelId),
        part.map((e) => e.modelName),
        part.map((e) => e.modelVersion),
        part.map((e) => e.arm),
        part.map((e) => e.inputHash),
        part.map((e) => e.inputs),
        part.map((e) => e.prediction),
        part.map((e) => e.proba),
        part.map((e) => e.latencyMs),
        part.map((e) => timestampTZValue(BigInt(Math.round(e.timeMs * 1000)))),
      ]);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** The prediction_log columns in table order, and DuckDB's largest chunk. */
const LOG_TYPES = [
  VARCHAR,
  VARCHAR,
  VARCHAR,
  INTEGER,
  VARCHAR,
  VARCHAR,
  VARCHAR,
  VARCHAR,
  VARCHAR,
  DOUBLE,
  TIMESTAMPTZ,
];
const CHUNK_ROWS = 2048;
