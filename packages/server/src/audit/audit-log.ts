import type { Store } from '../store/db';

/** What happened. `token.*` rows never hold the token, only whether it was accepted. */
export type AuditAction =
  | 'upload'
  | 'import'
  | 'delete'
  | 'promote'
  | 'token.success'
  | 'token.failure'
  | 'refused';

export interface AuditEvent {
  action: AuditAction;
  outcome: 'ok' | 'refused';
  /** The error code of a refused request (the catalog's code), else null. */
  code?: string | null;
  method: string;
  /** The path without its query string (a query may carry a token). */
  route: string;
  /** The id of the data set or model acted on, when there is one. */
  target?: string | null;
  remote?: string | null;
}

export interface AuditRow extends Required<AuditEvent> {
  id: number;
  at: string;
}

/** A flood of refused requests must not become a flood of queued writes: past this, rows are dropped and counted. */
const MAX_PENDING = 1000;

/**
 * The append-only audit log in DuckDB. `record` never throws and never makes a request wait: writes are chained
 * one after another in the background (so rows keep their order), and `flush()` waits for them (tests, shutdown).
 */
export class AuditLog {
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Rows dropped because too many writes were pending (reported in the server log, not silently lost). */
  dropped = 0;

  constructor(
    private readonly store: Store,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  record(event: AuditEvent): void {
    if (this.pending >= MAX_PENDING) {
      this.dropped++;
      return;
    }
    this.pending++;
    const values = [
      event.action,
      event.outcome,
      event.code ?? null,
      event.method.slice(0, 10),
      event.route.split('?')[0].slice(0, 300),
      event.target?.slice(0, 200) ?? null,
      event.remote?.slice(0, 100) ?? null,
    ];
    this.chain = this.chain
      .then(() =>
        this.store.run(
          `INSERT INTO audit_log (action, outcome, code, method, route, target, remote)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          values,
        ),
      )
      .catch(this.onError)
      .finally(() => {
        this.pending--;
      });
  }

  flush(): Promise<void> {
    return this.chain;
  }

  /** Newest first; `before` is the id of the last row of the previous page. */
  async list(options: { limit: number; before?: number }): Promise<AuditRow[]> {
    await this.flush();
    const rows = await this.store.all<Record<string, unknown>>(
      `SELECT id, epoch_ms(created_at) AS at, action, outcome, code, method, route, target, remote
       FROM audit_log WHERE id < $1::BIGINT ORDER BY id DESC LIMIT $2::INTEGER`,
      [options.before ?? Number.MAX_SAFE_INTEGER, options.limit],
    );
    return rows.map(
      (r) => ({ ...r, id: Number(r.id), at: new Date(Number(r.at)).toISOString() }) as AuditRow,
    );
  }
}
