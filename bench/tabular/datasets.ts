/**
 * The tabular benchmark's data: the eight reference sets of `shared/data/tabular` and three generated ones.
 *
 * Both sides of the benchmark (Quarry in `quarry-side.ts`, scikit-learn/XGBoost in `reference.py`) read the same
 * CSV file and the same split file, and agree on which columns are categorical because this module decides it and
 * `jobs.ts` (`jobArgv`) passes the list to `reference.py`:
 *
 * - a cell is missing when it is empty or `NA` (quoted or not);
 * - a feature column is categorical ("text") when any of its present cells is quoted or is not a number; its
 *   values become integer codes 0..k-1 in sorted order of the text (missing stays NaN);
 * - a classification target is always read as text.
 *
 * Generated sets (letter-sized multiclass, 200 000 and 1 000 000 row binary) are written once to
 * `bench/results/data/` (git-ignored) with a 25% holdout drawn by seed.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Labels, Matrix, Rng, toLabels } from '@quarry/ml';

export type BenchTask = 'binary' | 'multiclass' | 'regression';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The project root (`bench/tabular/../..`). */
export const PROJECT_ROOT = resolve(HERE, '..', '..');
/** `shared/data/tabular`, beside the project root (override with QUARRY_REFERENCE_DATA). */
export const REFERENCE_DIR =
  process.env.QUARRY_REFERENCE_DATA ?? resolve(PROJECT_ROOT, '..', 'shared', 'data', 'tabular');
/** Where generated sets are written (git-ignored). */
export const GENERATED_DIR = resolve(PROJECT_ROOT, 'bench', 'results', 'data');

export const REFERENCE_SETS = [
  'attrition',
  'stackoverflow',
  'cells',
  'sonar',
  'vehicle',
  'sacramento',
  'boston',
  'ozone',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// CSV parsing (bytes → columns)
// ---------------------------------------------------------------------------------------------------------------

export type ParsedColumn =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'text'; values: (string | null)[] };

export interface ParsedCsv {
  nRows: number;
  columns: ParsedColumn[];
}

type CellVisitor = (row: number, col: number, start: number, end: number, quoted: boolean) => void;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Walks an RFC 4180 CSV: calls `visit` for every cell with its byte range (inside the quotes for a quoted cell,
 * where `""` still stands for one quote). Row -1 is the header. Returns the number of data rows.
 */
function scanCsv(buf: Uint8Array, visit: CellVisitor): number {
  const n = buf.length;
  let row = -1;
  let i = 0;
  while (i < n) {
    if (buf[i] === LF || buf[i] === CR) {
      i++; // a blank line (or the LF of a CRLF)
      continue;
    }
    for (let col = 0; ; col++) {
      let start = i;
      let end: number;
      let quoted = false;
      if (i < n && buf[i] === QUOTE) {
        quoted = true;
        start = ++i;
        while (i < n && !(buf[i] === QUOTE && buf[i + 1] !== QUOTE)) i += buf[i] === QUOTE ? 2 : 1;
        end = i;
        i++; // the closing quote
        while (i < n && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) i++;
      } else {
        while (i < n && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) i++;
        end = i;
      }
      visit(row, col, start, end, quoted);
      if (i < n && buf[i] === COMMA) i++;
      else break;
    }
    if (i < n && buf[i] === CR) i++;
    if (i < n && buf[i] === LF) i++;
    row++;
  }
  return row;
}

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Parses a plain decimal number from bytes with Clinger's exact fast path (≤ 15 significant digits, |exponent| ≤
 * 22: one correctly rounded multiplication or division), so the result equals `Number(text)`. Returns `undefined`
 * when the text is not of that simple form (the caller then falls back to `Number`).
 */
function parseSimpleNumber(buf: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  if (buf[i] === 0x2d || buf[i] === 0x2b) {
    negative = buf[i] === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let anyDigit = false;
  let exponent = 0;
  while (i < end && buf[i] >= 0x30 && buf[i] <= 0x39) {
    anyDigit = true;
    if (digits > 0 || buf[i] !== 0x30) {
      mantissa = mantissa * 10 + (buf[i] - 0x30);
      digits++;
    }
    i++;
  }
  if (i < end && buf[i] === 0x2e) {
    i++;
    while (i < end && buf[i] >= 0x30 && buf[i] <= 0x39) {
      anyDigit = true;
      if (digits > 0 || buf[i] !== 0x30) {
        mantissa = mantissa * 10 + (buf[i] - 0x30);
        digits++;
      }
      exponent--;
      i++;
    }
  }
  if (!anyDigit) return undefined;
  if (i < end && (buf[i] === 0x65 || buf[i] === 0x45)) {
    i++;
    let expNegative = false;
    if (buf[i] === 0x2d || buf[i] === 0x2b) {
      expNegative = buf[i] === 0x2d;
      i++;
    }
    let e = 0;
    let expDigits = 0;
    while (i < end && buf[i] >= 0x30 && buf[i] <= 0x39) {
      e = e * 10 + (buf[i] - 0x30);
      expDigits++;
      i++;
    }
    if (expDigits === 0 || expDigits > 4) return undefined;
    exponent += expNegative ? -e : e;
  }
  if (i !== end || digits > 15) return undefined;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (exponent >= 0 && exponent <= 22) value = mantissa * POW10[exponent];
  else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent];
  else return undefined;
  return negative ? -value : value;
}

const decoder = new TextDecoder();

function cellText(buf: Uint8Array, start: number, end: number, quoted: boolean): string {
  const text = decoder.decode(buf.subarray(start, end));
  return quoted && text.includes('"') ? text.replaceAll('""', '"') : text;
}

function isMissingCell(buf: Uint8Array, start: number, end: number): boolean {
  return start === end || (end - start === 2 && buf[start] === 0x4e && buf[start + 1] === 0x41); // '' or NA
}

/**
 * Parses a CSV with a header into typed columns. `textColumns` forces columns to text (a classification target);
 * any other column becomes text when one of its present cells is quoted or not a number.
 */
export function parseCsv(buf: Uint8Array, textColumns: ReadonlySet<string> = new Set()): ParsedCsv {
  const names: string[] = [];
  // Count rows first, then parse numbers into preallocated arrays.
  const nRows = scanCsv(buf, (row, _col, start, end, quoted) => {
    if (row === -1) names.push(cellText(buf, start, end, quoted));
  });
  const nCols = names.length;
  const numbers = names.map(() => new Float64Array(nRows));
  const isText = names.map((name) => textColumns.has(name));
  scanCsv(buf, (row, col, start, end, quoted) => {
    if (row < 0) return;
    if (col >= nCols) throw new Error(`CSV row ${row + 1} has more than ${nCols} cells.`);
    if (isMissingCell(buf, start, end)) {
      numbers[col][row] = Number.NaN;
      return;
    }
    if (isText[col]) return;
    if (quoted) {
      isText[col] = true;
      return;
    }
    let value = parseSimpleNumber(buf, start, end);
    if (value === undefined) {
      value = Number(decoder.decode(buf.subarray(start, end)));
      if (Number.isNaN(value)) {
        isText[col] = true;
        return;
      }
    }
    numbers[col][row] = value;
  });
  const texts: ((string | null)[] | null)[] = isText.map((text) =>
    text ? new Array<string | null>(nRows).fill(null) : null,
  );
  if (isText.some(Boolean)) {
    scanCsv(buf, (row, col, start, end, quoted) => {
      const out = texts[col];
      if (row < 0 || out === null || isMissingCell(buf, start, end)) return;
      out[row] = cellText(buf, start, end, quoted);
    });
  }
  const columns: ParsedColumn[] = names.map((name, j) => {
    const text = texts[j];
    return text === null
      ? { name, kind: 'numeric', values: numbers[j] }
      : { name, kind: 'text', values: text };
  });
  return { nRows, columns };
}

/** Sorted-level integer codes of a text column (NaN = missing), the same coding `reference.py` applies. */
export function encodeCategories(values: readonly (string | null)[]): {
  codes: Float64Array;
  levels: string[];
} {
  const labels = toLabels(values);
  return { codes: Float64Array.from(labels.codes, (c) => (c < 0 ? Number.NaN : c)), levels: labels.levels };
}

// ---------------------------------------------------------------------------------------------------------------
// Data sets
// ---------------------------------------------------------------------------------------------------------------

/** Where a data set lives and how to read it: everything `reference.py` needs besides the model. */
export interface DatasetSource {
  name: string;
  csv: string;
  split: string;
  target: string;
  task: 'classification' | 'regression';
  /** The positive class of a binary task (AUC is computed for it). */
  positive?: string;
  generated: boolean;
}

export interface LoadedDataset {
  source: DatasetSource;
  task: BenchTask;
  featureNames: string[];
  /** All rows, column-major; categorical columns hold codes 0..k-1; NaN = missing. */
  X: Matrix;
  /** Per feature: true when it is categorical (codes). */
  categorical: boolean[];
  /** Per feature: the levels of a categorical column, else null. */
  levels: (string[] | null)[];
  /** The whole target column. */
  y: Labels | Float64Array;
  train: Int32Array;
  test: Int32Array;
}

interface SpecEntry {
  target: string;
  task: 'classification' | 'regression';
  positive?: string;
}

export function referenceSource(name: string, dir = REFERENCE_DIR): DatasetSource {
  const specs = JSON.parse(readFileSync(join(dir, 'specs.json'), 'utf8')) as Record<string, SpecEntry>;
  const spec = specs[name];
  if (spec === undefined) throw new Error(`No data set '${name}' in ${join(dir, 'specs.json')}.`);
  return {
    name,
    csv: join(dir, `${name}.csv`),
    split: join(dir, 'splits', `${name}.json`),
    target: spec.target,
    task: spec.task,
    ...(spec.positive === undefined ? {} : { positive: spec.positive }),
    generated: false,
  };
}

/** Reads a CSV + split file into a benchmark data set. */
export function loadDataset(source: DatasetSource): LoadedDataset {
  const isClassification = source.task === 'classification';
  const parsed = parseCsv(readFileSync(source.csv), isClassification ? new Set([source.target]) : new Set());
  const targetColumn = parsed.columns.find((c) => c.name === source.target);
  if (targetColumn === undefined) throw new Error(`${source.csv} has no target column '${source.target}'.`);
  const features = parsed.columns.filter((c) => c !== targetColumn);
  const n = parsed.nRows;
  const X = new Matrix(n, features.length);
  const categorical: boolean[] = [];
  const levels: (string[] | null)[] = [];
  features.forEach((column, j) => {
    if (column.kind === 'numeric') {
      X.data.set(column.values, j * n);
      categorical.push(false);
      levels.push(null);
    } else {
      const coded = encodeCategories(column.values);
      X.data.set(coded.codes, j * n);
      categorical.push(true);
      levels.push(coded.levels);
    }
  });

  let y: Labels | Float64Array;
  let task: BenchTask;
  if (isClassification) {
    if (targetColumn.kind !== 'text') throw new Error('A classification target is read as text.');
    y = toLabels(targetColumn.values);
    if (y.codes.includes(-1)) throw new Error(`${source.name}: the target has missing values.`);
    task = y.levels.length === 2 ? 'binary' : 'multiclass';
    if (task === 'binary' && (source.positive === undefined || !y.levels.includes(source.positive))) {
      throw new Error(`${source.name}: the positive class '${source.positive}' is not one of ${y.levels}.`);
    }
  } else {
    if (targetColumn.kind !== 'numeric')
      throw new Error(`${source.name}: a regression target must be numeric.`);
    y = targetColumn.values;
    task = 'regression';
  }

  const split = JSON.parse(readFileSync(source.split, 'utf8')) as { test: number[] };
  const isTest = new Uint8Array(n);
  for (const i of split.test) {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new Error(`${source.split}: test row ${i} out of range.`);
    isTest[i] = 1;
  }
  const test = Int32Array.from(split.test).sort();
  const train = new Int32Array(n - test.length);
  for (let i = 0, k = 0; i < n; i++) if (!isTest[i]) train[k++] = i;
  return { source, task, featureNames: features.map((c) => c.name), X, categorical, levels, y, train, test };
}

/** The float64 size of a data set's feature matrix (all rows), in bytes. */
export function float64Bytes(nRows: number, nCols: number): number {
  return nRows * nCols * 8;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------------

/** A generated table: numeric feature columns plus a text target. */
export interface GeneratedTable {
  featureNames: string[];
  features: Float64Array[];
  targetName: string;
  target: string[];
}

function normal(rng: Rng): number {
  // Box–Muller (one value per call keeps the stream simple to reason about).
  let u = rng.nextFloat();
  while (u === 0) u = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
}

// Spreads of the letter generator, tuned (scikit-learn, 25% holdout) so HGB reaches ≈ 95% accuracy, a random
// forest ≈ 95%, logistic regression ≈ 78% and one tree with 20 rows per leaf ≈ 63%, close to the real letter data.
const CENTRE_SD = 0.5;
const STYLE_SD = 0.8;
const NOISE_SD = 0.6;
const LETTER_FEATURES = [
  'x-box',
  'y-box',
  'width',
  'high',
  'onpix',
  'x-bar',
  'y-bar',
  'x2bar',
  'y2bar',
  'xybar',
  'x2ybr',
  'xy2br',
  'x-ege',
  'xegvy',
  'y-ege',
  'yegvx',
];

/**
 * A letter-recognition-sized problem (default 15 000 × 16, 26 classes): each class is a mixture of three
 * "writing styles" (Gaussian components around a class centre, with a class-specific correlated covariance), a few
 * rows get a gross error in one feature, and every feature is quantised to the integers 0..15 like the UCI letter
 * data. Classes overlap enough that a single tree is clearly worse than boosting.
 */
export function generateLetter(seed: number, nRows = 15_000): GeneratedTable {
  const rng = new Rng(seed);
  const p = 16;
  const k = 26;
  const styles = 3;
  const centres: Float64Array[] = [];
  const offsets: Float64Array[][] = [];
  const mixing: Float64Array[] = []; // p × p, row-major, per class
  const styleWeights: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    centres.push(Float64Array.from({ length: p }, () => CENTRE_SD * normal(rng)));
    offsets.push(
      Array.from({ length: styles }, () => Float64Array.from({ length: p }, () => STYLE_SD * normal(rng))),
    );
    const m = new Float64Array(p * p);
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++)
        m[a * p + b] = (a === b ? NOISE_SD : 0) + (0.16 * normal(rng)) / Math.sqrt(p);
    }
    mixing.push(m);
    const w = Float64Array.from({ length: styles }, () => 0.5 + rng.nextFloat());
    const total = w.reduce((s, v) => s + v, 0);
    styleWeights.push(w.map((v) => v / total));
  }
  const features = Array.from({ length: p }, () => new Float64Array(nRows));
  const target: string[] = new Array(nRows);
  const z = new Float64Array(p);
  for (let i = 0; i < nRows; i++) {
    const c = rng.nextInt(k);
    target[i] = String.fromCharCode(65 + c);
    const u = rng.nextFloat();
    let s = 0;
    for (let acc = styleWeights[c][0]; s < styles - 1 && u >= acc; ) acc += styleWeights[c][++s];
    for (let a = 0; a < p; a++) z[a] = normal(rng);
    const m = mixing[c];
    const gross = rng.nextFloat() < 0.04 ? rng.nextInt(p) : -1;
    for (let a = 0; a < p; a++) {
      let x = centres[c][a] + offsets[c][s][a];
      for (let b = 0; b < p; b++) x += m[a * p + b] * z[b];
      if (a === gross) x += 1.5 * normal(rng);
      features[a][i] = Math.min(15, Math.max(0, Math.round(7.5 + 2.6 * x)));
    }
  }
  return { featureNames: LETTER_FEATURES, features, targetName: 'lettr', target };
}

/**
 * A binary problem in the manner of scikit-learn's `make_classification` (20 features): 6 informative features
 * drawn from 2 Gaussian clusters per class placed on vertices of a hypercube (class_sep 1, each cluster with its own
 * random covariance), 4 redundant linear combinations of them, 4 nonlinear features (an interaction, a sine, an
 * exponential and an absolute value of informative ones, with noise), 6 pure-noise features, 3% of labels flipped
 * at random, and 1% of one feature missing (empty cell).
 */
export function generateBinary(seed: number, nRows: number): GeneratedTable {
  const rng = new Rng(seed);
  const nInf = 6;
  const nRed = 4;
  const nNonlin = 4;
  const nNoise = 6;
  const clustersPerClass = 2;
  const nClusters = 2 * clustersPerClass;
  // Distinct hypercube vertices for the clusters.
  const vertices: Float64Array[] = [];
  const used = new Set<number>();
  while (vertices.length < nClusters) {
    const bits = rng.nextInt(1 << nInf);
    if (used.has(bits)) continue;
    used.add(bits);
    vertices.push(Float64Array.from({ length: nInf }, (_, a) => ((bits >> a) & 1 ? 1 : -1)));
  }
  const covariances = Array.from({ length: nClusters }, () =>
    Float64Array.from({ length: nInf * nInf }, () => 2 * rng.nextFloat() - 1),
  );
  const redundant = Float64Array.from({ length: nInf * nRed }, () => 2 * rng.nextFloat() - 1);
  const p = nInf + nRed + nNonlin + nNoise;
  const featureNames = Array.from({ length: p }, (_, j) => `x${String(j + 1).padStart(2, '0')}`);
  const features = Array.from({ length: p }, () => new Float64Array(nRows));
  const target: string[] = new Array(nRows);
  const z = new Float64Array(nInf);
  const x = new Float64Array(nInf);
  for (let i = 0; i < nRows; i++) {
    const cluster = rng.nextInt(nClusters);
    let label = cluster % 2;
    for (let a = 0; a < nInf; a++) z[a] = normal(rng);
    const cov = covariances[cluster];
    for (let a = 0; a < nInf; a++) {
      let v = vertices[cluster][a];
      for (let b = 0; b < nInf; b++) v += z[b] * cov[b * nInf + a];
      x[a] = v;
      features[a][i] = v;
    }
    for (let r = 0; r < nRed; r++) {
      let v = 0;
      for (let a = 0; a < nInf; a++) v += x[a] * redundant[a * nRed + r];
      features[nInf + r][i] = v;
    }
    const o = nInf + nRed;
    features[o][i] = x[0] * x[1] + 0.5 * normal(rng);
    features[o + 1][i] = Math.sin(2 * x[2]) + 0.3 * normal(rng);
    features[o + 2][i] = Math.exp(x[3] / 2) * (1 + 0.1 * normal(rng));
    features[o + 3][i] = Math.abs(x[4] - x[5]) + 0.3 * normal(rng);
    for (let q = 0; q < nNoise; q++) features[o + nNonlin + q][i] = normal(rng);
    if (rng.nextFloat() < 0.01) features[o + 1][i] = Number.NaN;
    if (rng.nextFloat() < 0.03) label = rng.nextInt(2);
    target[i] = String(label);
  }
  return { featureNames, features, targetName: 'y', target };
}

/** `nTest = round(fraction · n)` row indices drawn by seed (a Fisher–Yates shuffle), ascending. */
export function holdoutSplit(nRows: number, fraction: number, seed: number): number[] {
  const rng = new Rng(seed);
  const order = Int32Array.from({ length: nRows }, (_, i) => i);
  for (let i = nRows - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return Array.from(order.subarray(0, Math.round(fraction * nRows))).sort((a, b) => a - b);
}

/** A feature value as written: 5 decimals (the file is the data: both sides parse this exact text). */
function formatValue(v: number): string {
  return Number.isNaN(v) ? '' : String(Math.round(v * 1e5) / 1e5);
}

const csvQuote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Writes a generated table as CSV (header and text target quoted, like R's write.csv). */
export function writeTableCsv(table: GeneratedTable, path: string, quoteTarget: boolean): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${[...table.featureNames, table.targetName].map(csvQuote).join(',')}\n`);
    const n = table.target.length;
    const p = table.features.length;
    const CHUNK = 20_000;
    for (let start = 0; start < n; start += CHUNK) {
      const lines: string[] = [];
      const end = Math.min(n, start + CHUNK);
      for (let i = start; i < end; i++) {
        let line = '';
        for (let j = 0; j < p; j++) line += `${formatValue(table.features[j][i])},`;
        line += quoteTarget ? csvQuote(table.target[i]) : table.target[i];
        lines.push(line);
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
}

export interface GeneratedSpec {
  name: string;
  rows: number;
  cols: number;
  seed: number;
  task: 'binary' | 'multiclass';
  make: () => GeneratedTable;
}

/** Bump when a generator changes, so stale files are rewritten. */
const GENERATOR_VERSION = 1;
const HOLDOUT = 0.25;

export const GENERATED_SETS: Record<string, GeneratedSpec> = {
  letter: {
    name: 'letter',
    rows: 15_000,
    cols: 16,
    seed: 20_240,
    task: 'multiclass',
    make: () => generateLetter(20_240),
  },
  'synth-200k': {
    name: 'synth-200k',
    rows: 200_000,
    cols: 20,
    seed: 200,
    task: 'binary',
    make: () => generateBinary(200, 200_000),
  },
  'synth-1m': {
    name: 'synth-1m',
    rows: 1_000_000,
    cols: 20,
    seed: 1_000,
    task: 'binary',
    make: () => generateBinary(1_000, 1_000_000),
  },
};

export function generatedSource(name: string, dir = GENERATED_DIR): DatasetSource {
  const spec = GENERATED_SETS[name];
  if (spec === undefined) throw new Error(`No generated data set '${name}'.`);
  return {
    name,
    csv: join(dir, `${name}.csv`),
    split: join(dir, 'splits', `${name}.json`),
    target: spec.task === 'multiclass' ? 'lettr' : 'y',
    task: 'classification',
    ...(spec.task === 'binary' ? { positive: '1' } : {}),
    generated: true,
  };
}

/**
 * Writes a generated set (CSV, split and a small meta file) unless an up-to-date copy is already there; returns its
 * source. Files are written under a temporary name and renamed, so an interrupted run leaves no half file.
 */
export function ensureGenerated(name: string, dir = GENERATED_DIR): DatasetSource {
  const spec = GENERATED_SETS[name];
  if (spec === undefined) throw new Error(`No generated data set '${name}'.`);
  const source = generatedSource(name, dir);
  const metaPath = join(dir, `${name}.meta.json`);
  const meta = {
    version: GENERATOR_VERSION,
    rows: spec.rows,
    cols: spec.cols,
    seed: spec.seed,
    holdout: HOLDOUT,
  };
  if (existsSync(metaPath) && existsSync(source.csv) && existsSync(source.split)) {
    if (readFileSync(metaPath, 'utf8') === JSON.stringify(meta)) return source;
  }
  mkdirSync(join(dir, 'splits'), { recursive: true });
  const table = spec.make();
  writeTableCsv(table, `${source.csv}.tmp`, spec.task === 'multiclass');
  renameSync(`${source.csv}.tmp`, source.csv);
  writeFileSync(source.split, JSON.stringify({ test: holdoutSplit(spec.rows, HOLDOUT, spec.seed + 1) }));
  writeFileSync(metaPath, JSON.stringify(meta));
  return source;
}

/** Any benchmark data set by name: a reference set, or a generated one (written if needed). */
export function datasetSource(name: string): DatasetSource {
  if ((REFERENCE_SETS as readonly string[]).includes(name)) return referenceSource(name);
  return ensureGenerated(name);
}
