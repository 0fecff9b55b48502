import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Schema migrations, applied in order at open. Each runs once; `schema_version` records the last one applied.
 * Data-set rows live in their own tables (`ds_<id>`, all VARCHAR as read from the file); their typed view is
 * built from `datasets.columns` (see datasets/column-types.ts), so a type override never rewrites data.
 */
const migrations: string[] = [
  `CREATE TABLE datasets (
     id VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     file_name VARCHAR NOT NULL,
     format VARCHAR NOT NULL,
     table_name VARCHAR NOT NULL,
     n_rows BIGINT NOT NULL,
     size_bytes BIGINT NOT NULL,
     columns JSON NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE jobs (
     id VARCHAR PRIMARY KEY,
     kind VARCHAR NOT NULL,
     status VARCHAR NOT NULL,
     progress DOUBLE NOT NULL DEFAULT 0,
     message VARCHAR NOT NULL DEFAULT '',
     spec JSON NOT NULL,
     error JSON,
     result JSON,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     started_at TIMESTAMPTZ,
     finished_at TIMESTAMPTZ
   );
   CREATE TABLE models (
     id VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     version INTEGER NOT NULL,
     task VARCHAR NOT NULL,
     family VARCHAR NOT NULL,
     target VARCHAR NOT NULL,
     dataset_id VARCHAR NOT NULL,
     dataset_name VARCHAR NOT NULL,
     seed BIGINT NOT NULL,
     split JSON NOT NULL,
     metrics JSON NOT NULL,
     summary JSON NOT NULL,
     artifact JSON NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
  // 2: data-set versions. A cleaning step makes a new data set (a new table) whose parent is the version it was
  // made from; the lineage (all versions of one upload, keyed by the upload's id) has one current version. An
  // upload has no row here (it is version 1 of its own lineage). New tables rather than ALTER TABLE … ADD COLUMN:
  // DuckDB 1.5.6 cannot replay such an ALTER from the WAL after a crash (an INTERNAL error at open).
  `CREATE TABLE dataset_versions (
     id VARCHAR PRIMARY KEY,
     root_id VARCHAR NOT NULL,
     parent_id VARCHAR,
     version INTEGER NOT NULL,
     steps JSON NOT NULL
   );
   CREATE TABLE dataset_lineages (root_id VARCHAR PRIMARY KEY, current_id VARCHAR NOT NULL);`,
  // 3: tabular modelling. A model version's stage, where it came from and its chart data live beside `models`
  // (new tables, not ALTER TABLE, for the WAL reason above; a model without a row is a 'train' draft without
  // charts). Leaderboards and tuning runs keep their results under their job's id.
  `CREATE TABLE model_meta (
     model_id VARCHAR PRIMARY KEY,
     stage VARCHAR NOT NULL,
     source VARCHAR NOT NULL,
     charts JSON
   );
   CREATE TABLE leaderboards (
     id VARCHAR PRIMARY KEY,
     dataset_id VARCHAR NOT NULL,
     spec JSON NOT NULL,
     result JSON NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE tunings (
     id VARCHAR PRIMARY KEY,
     dataset_id VARCHAR NOT NULL,
     spec JSON NOT NULL,
     result JSON NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
  // 4: forecast runs (forecasting/), kept under their job's id as versioned JSON.
  `CREATE TABLE forecasts (
     id VARCHAR PRIMARY KEY,
     dataset_id VARCHAR NOT NULL,
     spec JSON NOT NULL,
     result JSON NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
  // 5: serving and monitoring (serving/, monitoring/). API tokens are kept as SHA-256 hashes only. The prediction
  // log is appended in batches (no primary key: an index would slow the appender); outcomes arrive later and
  // join on row_id. Per-model settings (drift thresholds, champion/challenger routing) are versioned JSON.
  `CREATE TABLE api_tokens (
     id VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     scope VARCHAR NOT NULL,
     hash VARCHAR NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     revoked_at TIMESTAMPTZ
   );
   CREATE TABLE prediction_log (
     row_id VARCHAR NOT NULL,
     model_id VARCHAR NOT NULL,
     model_name VARCHAR NOT NULL,
     model_version INTEGER NOT NULL,
     arm VARCHAR NOT NULL,
     input_hash VARCHAR NOT NULL,
     inputs JSON NOT NULL,
     prediction VARCHAR,
     proba JSON,
     latency_ms DOUBLE NOT NULL,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE prediction_outcomes (
     row_id VARCHAR PRIMARY KEY,
     outcome VARCHAR NOT NULL,
     recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE model_serving_settings (
     model_name VARCHAR PRIMARY KEY,
     settings JSON NOT NULL
   );`,
  // 6: the audit log (audit/): append-only; uploads, imports, deletions, promotions, token use, refused requests.
  // Never a token or a request body; `id` orders the rows and pages the list (GET /api/audit?before=).
  `CREATE SEQUENCE audit_log_id START 1;
   CREATE TABLE audit_log (
     id BIGINT PRIMARY KEY DEFAULT nextval('audit_log_id'),
     created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     action VARCHAR NOT NULL,
     outcome VARCHAR NOT NULL,
     code VARCHAR,
     method VARCHAR NOT NULL,
     route VARCHAR NOT NULL,
     target VARCHAR,
     remote VARCHAR
   );`,
  // 7: anomaly runs (anomalies/): the result as versioned JSON; what a person marked each listed row as.
  `CREATE TABLE anomaly_runs (
     id VARCHAR PRIMARY KEY,
     dataset_id VARCHAR NOT NULL,
     result VARCHAR NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE anomaly_labels (
     run_id VARCHAR NOT NULL,
     row_index BIGINT NOT NULL,
     label VARCHAR NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     PRIMARY KEY (run_id, row_index)
   );`,
  // 8: which job saved a model version, written in the version's own transaction. A kill -9 between that commit
  // and the job's 'succeeded' row would otherwise leave a model no job owns; at start JobService.recover
  // completes such a job instead of calling it interrupted (SECURITY-TESTS.md R9: no orphaned versions).
  `CREATE TABLE model_jobs (model_id VARCHAR PRIMARY KEY, job_id VARCHAR NOT NULL);`,
  // 9: the Academy (academy/): per lab, the data set it started from and the answers given in the progress panel.
  // Everything else a lab checks is read from the studio's own records.
  `CREATE TABLE lab_progress (
     lab VARCHAR PRIMARY KEY,
     root_dataset_id VARCHAR,
     answers JSON NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
];

export async function migrate(c: DuckDBConnection): Promise<void> {
  await c.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const reader = await c.runAndReadAll('SELECT max(version) AS v FROM schema_version');
  const current = Number(reader.getRowObjectsJS()[0]?.v ?? 0);
  for (let v = current; v < migrations.length; v++) {
    await c.run('BEGIN TRANSACTION');
    try {
      await c.run(migrations[v]);
      await c.run('INSERT INTO schema_version VALUES ($1)', [v + 1]);
      await c.run('COMMIT');
    } catch (err) {
      await c.run('ROLLBACK');
      throw err;
    }
  }
}
