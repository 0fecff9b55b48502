import { readFile } from 'node:fs/promises';
import { httpError } from '../errors';
import { jsonShapeProblem } from '../security/json-shape';
import { modelFileHash } from './canonical';
import type { InspectOutput } from './inspect-pipeline';
import type { ModelFile } from './model-file';
import { modelFileSchema } from './model-file-schema';

/** Model files are JSON; a large forest is tens of MB. Larger files are refused as they stream in. */
export const MAX_MODEL_FILE_BYTES = 64 * 1024 * 1024;
/** The ML library decodes pipelines at most 64 levels deep; the envelope adds a few. */
const MAX_MODEL_FILE_DEPTH = 128;

/**
 * Reads an uploaded model file and decides whether it may enter the registry, in this order: JSON at all; the
 * format and version this server reads; the schema; the SHA-256 over its canonical serialization (a changed
 * coefficient, metric or hash is refused); and finally the pipeline is loaded in a worker from the ML
 * library's registry of known kinds — data in, estimators out, nothing executed.
 */
export async function readModelFile(
  path: string,
  inspect: (pipeline: unknown) => Promise<InspectOutput>,
): Promise<ModelFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw httpError('MODEL_FILE_INVALID', { detail: 'it is not JSON' });
  }
  // Before anything recursive (hash, schema) reads it: bounded depth, no prototype keys (SECURITY-TESTS row H).
  const shape = jsonShapeProblem(raw, MAX_MODEL_FILE_DEPTH);
  if (shape !== null) throw httpError('MODEL_FILE_INVALID', { detail: shape });
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || Array.isArray(head))
    throw httpError('MODEL_FILE_INVALID', { detail: 'it is not a JSON object' });
  if (head.format !== 'quarry-model-file' || head.version !== 1) {
    const found = `format ${JSON.stringify(head.format ?? null)?.slice(0, 60)} version ${JSON.stringify(head.version ?? null)?.slice(0, 20)}`;
    throw httpError('MODEL_FILE_UNSUPPORTED', { found });
  }
  const parsed = modelFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw httpError(
      'MODEL_FILE_INVALID',
      {
        detail: issues
          .map((i) => `${i.path || '(root)'}: ${i.message}`)
          .join('; ')
          .slice(0, 500),
      },
      { issues },
    );
  }
  // The hash is checked over the file as it came (unknown fields included), not over the parsed copy.
  const file = raw as ModelFile;
  const actual = modelFileHash(file);
  if (actual !== file.sha256) {
    throw httpError('MODEL_FILE_TAMPERED', {
      detail: `stored ${String(file.sha256).slice(0, 12)}…, computed ${actual.slice(0, 12)}…`,
    });
  }
  const loaded = await inspect(file.pipeline);
  if (!loaded.ok)
    throw httpError('MODEL_FILE_INVALID', { detail: `its pipeline cannot be loaded: ${loaded.error}` });
  const spread = file.uncertainty?.spread;
  if (spread !== undefined) {
    const spreadLoaded = await inspect(spread.pipeline);
    if (!spreadLoaded.ok)
      throw httpError('MODEL_FILE_INVALID', {
        detail: `its uncertainty spread model cannot be loaded: ${spreadLoaded.error}`,
      });
  }
  const classes = file.model.classes;
  if (file.model.task === 'classification' && JSON.stringify(loaded.classes) !== JSON.stringify(classes))
    throw httpError('MODEL_FILE_INVALID', { detail: "the pipeline's classes differ from model.classes" });
  return file;
}
