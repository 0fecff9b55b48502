import { DOUBLE, DuckDBDataChunk, INTEGER, TIMESTAMPTZ, timestampTZValue, VARCHAR } from '@duckdb/node-api';
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
   * Appends a batch as DuckDB data chunks (2 048 rows, one column at a time): about a third of the blocking time
   * of appending value by value (measured on 10 000 rows: 82–110 ms against 210–340 ms of wall clock).
   */
  private async write(batch: LogEntry[]): Promise<void> {
    await this.store.withConnection(async (c) => {
      const appender = await c.createAppender('prediction_log');
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
    });
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
