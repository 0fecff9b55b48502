import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * Configuration: safe defaults, then `quarry.yaml` (optional), then `QUARRY_*` environment variables, then CLI
 * flags. Validated once at start; a bad value stops start-up with a message that names the key.
 */
export interface QuarryConfig {
  host: string;
  port: number;
  dataDir: string;
  maxUploadBytes: number;
  allowUrlIngestion: boolean;
  urlAllowlist: string[];
  /** Also allow plain http:// URLs for imports (https only by default; an https → http redirect is always refused). */
  allowHttpIngestion: boolean;
  /** Cap on an imported URL's body, counted after decompression. */
  maxUrlResponseBytes: number;
  /** Access token; `null` means none is required (loopback only). */
  token: string | null;
  /** Extra Host header names accepted besides localhost / 127.0.0.1 / [::1]. */
  allowedHosts: string[];
  /** Ask for the token even on a loopback bind (a token must then be set, or one is generated at start). */
  requireToken: boolean;
  /** Believe X-Forwarded-* headers (only behind a reverse proxy you run); off, they are ignored. */
  trustProxy: boolean;
  /** Worker threads for jobs (default: all cores). */
  threads: number | null;
  /** The SQL view stops a query after this many seconds. */
  sqlTimeoutSeconds: number;
  /** Jobs queued or running at once; one more is refused with 429 TOO_BUSY and Retry-After. */
  maxQueuedJobs: number;
  /**
   * Below this much free space on the data directory's volume, writes (uploads, imports, saves) are refused
   * with 507 DISK_FULL: DuckDB failing a checkpoint on a full disk can lose committed rows (docs/security.md).
   */
  minFreeDiskBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

const MB = 1024 * 1024;

export const defaults: QuarryConfig = {
  host: '127.0.0.1',
  port: 8787,
  dataDir: './.quarry',
  maxUploadBytes: 200 * MB,
  allowUrlIngestion: false,
  urlAllowlist: [],
  allowHttpIngestion: false,
  maxUrlResponseBytes: 200 * MB,
  token: null,
  allowedHosts: [],
  requireToken: false,
  trustProxy: false,
  threads: null,
  sqlTimeoutSeconds: 10,
  maxQueuedJobs: 50,
  minFreeDiskBytes: 1024 * MB,
  logLevel: 'info',
};

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');
const list = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z
  .object({
    host: z.string().min(1),
    port: int(0, 65535),
    dataDir: z.string().min(1),
    maxUploadBytes: int(1, 64 * 1024 * MB),
    allowUrlIngestion: bool,
    urlAllowlist: list,
    allowHttpIngestion: bool,
    maxUrlResponseBytes: int(1, 4096 * MB),
    token: z.string().min(16, 'a token must have at least 16 characters').nullable(),
    allowedHosts: list,
    requireToken: bool,
    trustProxy: bool,
    threads: int(1, 256).nullable(),
    sqlTimeoutSeconds: z.coerce.number().gt(0).max(3600),
    maxQueuedJobs: int(1, 10_000),
    minFreeDiskBytes: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  })
  .strict();

/** Environment variable → config key. */
const envKeys: Record<string, keyof QuarryConfig> = {
  QUARRY_HOST: 'host',
  QUARRY_PORT: 'port',
  QUARRY_DATA_DIR: 'dataDir',
  QUARRY_MAX_UPLOAD_BYTES: 'maxUploadBytes',
  QUARRY_ALLOW_URL_INGESTION: 'allowUrlIngestion',
  QUARRY_URL_ALLOWLIST: 'urlAllowlist',
  QUARRY_ALLOW_HTTP_INGESTION: 'allowHttpIngestion',
  QUARRY_MAX_URL_RESPONSE_BYTES: 'maxUrlResponseBytes',
  QUARRY_TOKEN: 'token',
  QUARRY_ALLOWED_HOSTS: 'allowedHosts',
  QUARRY_REQUIRE_TOKEN: 'requireToken',
  QUARRY_TRUST_PROXY: 'trustProxy',
  QUARRY_THREADS: 'threads',
  QUARRY_SQL_TIMEOUT_SECONDS: 'sqlTimeoutSeconds',
  QUARRY_MAX_QUEUED_JOBS: 'maxQueuedJobs',
  QUARRY_MIN_FREE_DISK_BYTES: 'minFreeDiskBytes',
  QUARRY_LOG_LEVEL: 'logLevel',
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadConfigOptions {
  /** Path of the YAML file; default `quarry.yaml` in the working directory, if present. */
  file?: string;
  env?: Record<string, string | undefined>;
  /** CLI flags, already parsed; they win over everything else. */
  overrides?: Partial<QuarryConfig>;
  cwd?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): QuarryConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const raw: Record<string, unknown> = { ...defaults };
  const sources: Record<string, string> = {};

  const file = options.file ?? (existsSync(resolve(cwd, 'quarry.yaml')) ? 'quarry.yaml' : undefined);
  if (file !== undefined) {
    const path = resolve(cwd, file);
    let parsed: unknown;
    try {
      parsed = parseYaml(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new ConfigError(`Cannot read config file ${path}: ${(err as Error).message}`);
    }
    if (parsed !== null && parsed !== undefined) {
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ConfigError(`Config file ${path} must be a mapping of keys to values.`);
      }
      for (const [key, value] of Object.entries(parsed)) {
        raw[key] = value;
        sources[key] = `key '${key}' in ${file}`;
      }
    }
  }
  for (const [name, key] of Object.entries(envKeys)) {
    const value = env[name];
    if (value === undefined) continue;
    raw[key] = key === 'token' || key === 'threads' ? (value === '' ? null : value) : value;
    sources[key] = `environment variable ${name}`;
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value === undefined) continue;
    raw[key] = value;
    sources[key] = `option --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  }

  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? '');
    if (issue.code === 'unrecognized_keys') {
      throw new ConfigError(
        `Unknown config key(s): ${issue.keys.join(', ')}. Known keys: ${Object.keys(defaults).join(', ')}.`,
      );
    }
    const where = sources[key] ?? `key '${key}'`;
    throw new ConfigError(`Invalid ${where}: ${issue.message} (got ${JSON.stringify(raw[key])}).`);
  }
  const config = result.data as QuarryConfig;
  config.dataDir = resolve(cwd, config.dataDir);
  return config;
}

/** True when the bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}
