/**
 * The server's error catalog: one stable code per failure, its HTTP status, and a message that says what to do.
 * Routes throw `httpError(code, ...)`; the error handler in app.ts turns it into
 * `{ statusCode, code, error, message, details }`. Never a stack trace to the user.
 */

interface CatalogEntry {
  status: number;
  message: (p: Record<string, unknown>) => string;
}

const entry = (status: number, message: (p: Record<string, unknown>) => string): CatalogEntry => ({
  status,
  message,
});

/** A byte count for people: 16777216 → '16 MiB'. */
const mebibytes = (bytes: unknown) => `${Math.round((Number(bytes) / 1024 / 1024) * 10) / 10} MiB`;

export const catalog = {
  // 400 — the request itself is malformed
  BAD_REQUEST: entry(400, (p) => `${p.detail ?? 'The request is malformed.'}`),
  VALIDATION_FAILED: entry(
    400,
    (p) => `The request is not valid: ${p.detail}. Fix the fields named and send it again.`,
  ),
  BAD_ID: entry(
    400,
    () =>
      'An id or name in the URL contains a character ids never have (/, \\, :, .., a %-escape or a control character). Use the id from the API lists, e.g. GET /api/datasets.',
  ),
  NO_FILE: entry(400, () => "No file was sent. Send the data as a multipart form with a field named 'file'."),
  // 401/403/404
  UNAUTHORIZED: entry(
    401,
    () =>
      'This server needs an access token. Send it as "Authorization: Bearer <token>" (it was printed at start-up).',
  ),
  FORBIDDEN_HOST: entry(
    403,
    (p) =>
      `Requests for host '${p.host}' are refused (DNS-rebinding protection). Open the studio at http://127.0.0.1 or add the name to the allowed hosts.`,
  ),
  URL_INGESTION_DISABLED: entry(
    403,
    () =>
      'Importing from a URL is turned off. Start the server with QUARRY_ALLOW_URL_INGESTION=true and list the hosts in QUARRY_URL_ALLOWLIST, or upload the file instead.',
  ),
  FORBIDDEN_ORIGIN: entry(403, () => 'Cross-site requests are refused. Use the studio from its own address.'),
  CSRF_FAILED: entry(
    403,
    () =>
      'This request needs the X-CSRF-Token header (the value of the quarry_csrf cookie). Reload the studio and try again; API clients send the token as a bearer header instead.',
  ),
  NOT_FOUND: entry(404, (p) => `No route ${p.method} ${p.url}. See /api/docs for the API.`),
  DATASET_NOT_FOUND: entry(
    404,
    (p) => `Data set '${p.id}' does not exist. List data sets with GET /api/datasets.`,
  ),
  JOB_NOT_FOUND: entry(404, (p) => `Job '${p.id}' does not exist. List jobs with GET /api/jobs.`),
  MODEL_NOT_FOUND: entry(404, (p) => `Model '${p.id}' does not exist. List models with GET /api/models.`),
  PREDICTION_NOT_FOUND: entry(
    404,
    (p) => `Prediction '${p.id}' does not exist (or was made before a restart).`,
  ),
  // 409
  JOB_FINISHED: entry(
    409,
    (p) => `Job '${p.id}' has already finished (${p.status}); there is nothing to cancel.`,
  ),
  // 413/415
  UPLOAD_TOO_LARGE: entry(
    413,
    (p) =>
      `The file is larger than the upload limit of ${p.limit} bytes. Split it, or raise QUARRY_MAX_UPLOAD_BYTES.`,
  ),
  BODY_TOO_LARGE: entry(
    413,
    (p) =>
      `The request body is larger than this route's limit of ${mebibytes(p.limit)} (${p.limit} bytes). ${p.hint ?? 'Send a smaller body, or split it over several requests.'}`,
  ),
  UNSUPPORTED_MEDIA_TYPE: entry(
    415,
    (p) =>
      `This route takes 'application/json' (got '${p.contentType ?? 'none'}'). Send a JSON body with that content type.`,
  ),
  UNSUPPORTED_FORMAT: entry(
    415,
    (p) =>
      `Files named '${p.fileName}' are not supported. Upload CSV, TSV, JSON, NDJSON, Parquet or Excel (.xlsx).`,
  ),
  // 422 — the request is well-formed but its content cannot be used
  URL_REFUSED: entry(
    422,
    () =>
      'The URL could not be fetched: it is not on the allowlist, not reachable, or not allowed (see docs/data-handling.md).',
  ),
  EMPTY_FILE: entry(
    422,
    (p) => `'${p.fileName}' is empty. Choose a file that contains a header row and data rows.`,
  ),
  NO_ROWS: entry(422, (p) => `'${p.fileName}' has a header but no data rows. Add rows and upload it again.`),
  UNREADABLE_FILE: entry(
    422,
    (p) =>
      `'${p.fileName}' could not be read as ${p.format}: ${p.detail}. Check that the file is what its name says.`,
  ),
  RAGGED_ROWS: entry(
    422,
    (p) =>
      `'${p.fileName}' has rows with the wrong number of fields: ${p.detail}. Fix those rows (or quote fields that contain the delimiter) and upload again.`,
  ),
  TOO_MANY_COLUMNS: entry(422, (p) => `'${p.fileName}' has ${p.count} columns; the limit is ${p.limit}.`),
  LINE_TOO_LONG: entry(
    422,
    (p) =>
      `'${p.fileName}' has a line longer than ${mebibytes(p.limit)}${p.line ? ` (line ${p.line})` : ''}. Check that it is really a delimited text file, or split the long records.`,
  ),
  CELL_TOO_LONG: entry(
    422,
    (p) =>
      `'${p.fileName}' has a value in column '${p.column}' longer than ${mebibytes(p.limit)}. Shorten or drop that column and upload again.`,
  ),
  FILE_UNREADABLE: entry(
    422,
    (p) =>
      `'${p.fileName}' could not be read safely: ${p.reason}. The file was refused and nothing was saved; check that it is what its name says.`,
  ),
  FILE_PARSE_TIMEOUT: entry(
    422,
    (p) =>
      `Reading '${p.fileName}' took longer than ${p.seconds} s and was stopped. Upload a smaller file, or raise QUARRY_PARSE_TIMEOUT_SECONDS.`,
  ),
  BAD_ANOMALY_COLUMNS: entry(422, (p) => `Cannot look for anomalies: ${p.detail}`),
  BAD_ANOMALY_ROW: entry(422, (p) => `Cannot mark that row: ${p.detail}`),
  COLUMN_NOT_TEXT: entry(
    422,
    (p) =>
      `Column '${p.column}' is ${p.type}, not text. Pick a text column, or set its type to text on the data set page.`,
  ),
  COLUMN_NOT_FOUND: entry(
    422,
    (p) => `Column '${p.column}' is not in data set '${p.dataset}'. Pick one of its columns: ${p.available}.`,
  ),
  COLUMN_NOT_NUMERIC: entry(
    422,
    (p) =>
      `Column '${p.column}' is ${p.type}, not numeric. Leave it out, or set its type to numeric on the data set page.`,
  ),
  TARGET_NOT_FOUND: entry(
    422,
    (p) =>
      `Target column '${p.column}' is not in data set '${p.dataset}'. Pick one of its columns: ${p.available}.`,
  ),
  BAD_TARGET: entry(422, (p) => `${p.detail}`),
  NO_FEATURES: entry(
    422,
    () =>
      'No usable feature columns are left besides the target. Check the column types on the data set page.',
  ),
  TOO_FEW_ROWS: entry(422, (p) => `${p.detail}`),
  BAD_PARAMETER: entry(422, (p) => `${p.detail}`),
  SCHEMA_MISMATCH: entry(
    422,
    (p) =>
      `The file does not match what the model was trained on: ${p.detail}. See details.issues for each column.`,
  ),
  BAD_TYPE_OVERRIDE: entry(422, (p) => `${p.detail}`),
  BAD_STEP: entry(
    422,
    (p) => `Step ${p.index} (${p.op}) cannot be applied: ${p.detail} Change the step and try again.`,
  ),
  NOTHING_TO_UNDO: entry(
    409,
    (p) => `Data set '${p.name}' is at its first version; there is no step to undo.`,
  ),
  NOTHING_TO_REDO: entry(
    409,
    (p) => `Data set '${p.name}' has no undone step to redo. Apply a new step instead.`,
  ),
  SQL_REFUSED: entry(
    403,
    (p) =>
      `The SQL view refused this query: ${p.detail}. Write one read-only SELECT (or WITH … SELECT) over the tables listed by GET /api/sql/tables.`,
  ),
  SQL_ERROR: entry(422, (p) => `The query failed: ${p.detail}. Fix it and run it again.`),
  SQL_TIMEOUT: entry(
    422,
    (p) =>
      `The query ran for more than ${p.seconds} s and was stopped. Filter or aggregate more, or raise sqlTimeoutSeconds.`,
  ),
  SQL_RESULT_TOO_LARGE: entry(
    413,
    (p) =>
      `The result is larger than the upload limit of ${p.limit} bytes. Select fewer rows or columns, or raise QUARRY_MAX_UPLOAD_BYTES.`,
  ),
  // tabular modelling: leaderboards, tuning, registry, import
  LEADERBOARD_NOT_FOUND: entry(
    404,
    (p) =>
      `Leaderboard '${p.id}' does not exist, or its job has not finished. Follow the job at GET /api/jobs/${p.id}.`,
  ),
  TUNING_NOT_FOUND: entry(
    404,
    (p) =>
      `Tuning run '${p.id}' does not exist, or its job has not finished. Follow the job at GET /api/jobs/${p.id}.`,
  ),
  TRIAL_NOT_FOUND: entry(
    422,
    (p) =>
      `Trial ${p.trial} is not in tuning run '${p.id}', or it failed there. Pick one of the trials that ran: ${p.available}.`,
  ),
  CHARTS_NOT_AVAILABLE: entry(
    404,
    (p) =>
      `Model '${p.name}' v${p.version} has no chart data: it was imported (no training data came with it). Train or save it from a leaderboard to get charts.`,
  ),
  FAMILY_NOT_APPLICABLE: entry(
    422,
    (p) => `Model family '${p.family}' does not apply to ${p.task}: ${p.detail} Remove it from the list.`,
  ),
  FAMILY_NOT_IN_LEADERBOARD: entry(
    422,
    (p) =>
      `Family '${p.family}' is not on leaderboard '${p.id}' (or it failed there). Pick one of: ${p.available}.`,
  ),
  BAD_CV: entry(422, (p) => `The cross-validation cannot be set up: ${p.detail}`),
  BAD_METRIC: entry(
    422,
    (p) => `Metric '${p.metric}' does not apply to this ${p.task} target. Pick one of: ${p.available}.`,
  ),
  BAD_IMBALANCE: entry(422, (p) => `${p.detail} Remove that setting and send the request again.`),
  BAD_SEARCH_SPACE: entry(
    422,
    (p) =>
      `The search space is not valid: ${p.detail} See GET /api/tuning/spaces for each family's parameters and bounds.`,
  ),
  DATASET_CHANGED: entry(
    409,
    (p) =>
      `Data set '${p.name}' no longer holds the data ${p.what} '${p.id}' was computed on (its content hash changed, e.g. a type override). Run the ${p.what} again, then save from it.`,
  ),
  CONFIRMATION_REQUIRED: entry(
    409,
    (p) =>
      `Deleting model '${p.name}' v${p.version} needs a confirmation: send DELETE /api/models/${p.id}?confirm=${p.expected}.`,
  ),
  MODEL_FILE_INVALID: entry(
    422,
    (p) =>
      `The file is not a valid Quarry model file: ${p.detail}. Upload a file downloaded from a Quarry model page.`,
  ),
  MODEL_FILE_UNSUPPORTED: entry(
    422,
    (p) =>
      `The model file is ${p.found}; this server reads format 'quarry-model-file' version 1. Export it again from a matching Quarry version.`,
  ),
  MODEL_FILE_TAMPERED: entry(
    422,
    (p) =>
      `The model file's SHA-256 does not match its content (${p.detail}): it was changed after export. Refused; download it again from its source.`,
  ),
  // forecasting (docs/api.md "Forecasting")
  LAB_NOT_FOUND: entry(404, (p) => `There is no lab '${p.id}'. The labs are: ${p.known}.`),
  LAB_QUESTION_NOT_FOUND: entry(
    404,
    (p) => `Lab '${p.lab}' has no question '${p.id}'. Its questions are: ${p.known}.`,
  ),
  LAB_NOT_STARTED: entry(
    409,
    (p) => `Lab '${p.lab}' has not been started. Start it with POST /api/academy/labs/${p.lab}/start first.`,
  ),
  LAB_HAS_NO_NEW_DATA: entry(
    404,
    (p) => `Lab '${p.lab}' has no second file; its predict step uses the lab's own data set.`,
  ),
  ANOMALY_RUN_NOT_FOUND: entry(
    404,
    (p) =>
      `Anomaly run '${p.id}' does not exist, or its job has not finished. Follow the job at GET /api/jobs/${p.id}.`,
  ),
  FORECAST_NOT_FOUND: entry(
    404,
    (p) =>
      `Forecast run '${p.id}' does not exist, or its job has not finished. Follow the job at GET /api/jobs/${p.id}.`,
  ),
  BAD_TIMESTAMPS: entry(422, (p) => `${p.detail} Pick a date/time column (or a whole-number period index).`),
  TIMESTAMPS_UNSORTED: entry(
    422,
    (p) =>
      `Series '${p.series}' is not in time order (row ${p.row} comes before the row above it). Sort the data by id and time, or send "sort": true (--sort on the CLI).`,
  ),
  DUPLICATE_TIMESTAMPS: entry(
    422,
    (p) =>
      `Series '${p.series}' has ${p.count} repeated timestamps (first: ${p.example}). Keep one row per series and time: if the rows are several series (say, one per product in each store), combine the columns that tell them apart into one key (Clean → Combine columns) and use it as the series id; else aggregate the repeats.`,
  ),
  IRREGULAR_FREQUENCY: entry(
    422,
    (p) =>
      `${p.detail} Forecasting needs a regular time grid (hourly, daily, monthly…): resample the data to one frequency.`,
  ),
  SERIES_TOO_SHORT: entry(
    422,
    (p) =>
      `Series '${p.series}' has ${p.n} observations; forecasting needs at least ${p.min}. Leave that series out or collect more history.`,
  ),
  NON_NUMERIC_VALUES: entry(
    422,
    (p) =>
      `Value column '${p.column}' has ${p.count} cells that are not numbers (e.g. ${p.examples}). Pick a numeric column or clean those cells.`,
  ),
  HORIZON_OUT_OF_RANGE: entry(422, (p) => `A horizon of ${p.horizon} is out of range: ${p.detail}`),
  // serving and monitoring (serving/, monitoring/)
  MODEL_VERSION_NOT_FOUND: entry(
    404,
    (p) => `Model '${p.name}' has no version ${p.version}. List its versions with GET /api/model-groups.`,
  ),
  NO_PRODUCTION_VERSION: entry(
    409,
    (p) =>
      `Model '${p.name}' has no production version. Promote one (PATCH /api/models/{id} with stage 'production') or call /versions/{version}/predict.`,
  ),
  FORBIDDEN_SCOPE: entry(
    403,
    () =>
      "This API token has scope 'predict': it may only call the predict routes. Use an 'admin' token for this route.",
  ),
  TOKEN_NOT_FOUND: entry(404, (p) => `API token '${p.id}' does not exist. List tokens with GET /api/tokens.`),
  REFERENCE_UNAVAILABLE: entry(
    409,
    (p) =>
      `The training data of model '${p.name}' v${p.version} (data set '${p.datasetId}') is gone, so there is no drift reference. Keep the data set while the model is monitored.`,
  ),
  BAD_CHALLENGER: entry(422, (p) => `${p.detail} Pick another version of '${p.name}' as the challenger.`),
  // 429/5xx
  TOO_MANY_ATTEMPTS: entry(
    429,
    (p) =>
      `Too many wrong access tokens from this address. Wait ${p.seconds} s, then try again with the token printed at start-up.`,
  ),
  TOO_BUSY: entry(
    429,
    (p) =>
      `${p.queued} jobs are already queued or running (the limit is maxQueuedJobs = ${p.limit}). Wait for one to finish (see Retry-After) or cancel one, then send the request again.`,
  ),
  DISK_FULL: entry(
    507,
    (p) =>
      `Only ${mebibytes(p.free)} is free on the disk holding the data directory (${p.dir}); Quarry refuses new uploads, imports and saves below ${mebibytes(p.min)} so that saved data stays safe. Free some space (delete old data sets or models, or files on that disk), or lower minFreeDiskBytes.`,
  ),
  INTERNAL: entry(
    500,
    () =>
      'Something went wrong on the server. Nothing already saved was lost; try again, and see the server log.',
  ),
} satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof catalog;

export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: unknown;
  /** The message's parameters, so an error raised in a child process can be rebuilt in the parent. */
  readonly params: Record<string, unknown>;

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, details?: unknown) {
    super(catalog[code].message(params));
    this.name = 'HttpError';
    this.code = code;
    this.params = params;
    this.statusCode = catalog[code].status;
    this.details = details;
  }
}

export const httpError = (
  code: ErrorCode,
  params: Record<string, unknown> = {},
  details?: unknown,
): HttpError => new HttpError(code, params, details);
