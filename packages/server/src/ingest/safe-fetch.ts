import { promises as dns } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { VERSION } from '../version';
import { refuse, UrlRefusedError } from './refusal';
import { type CheckedUrl, checkAddress, checkUrl, type UrlPolicy } from './url-policy';

export interface SafeFetchOptions extends UrlPolicy {
  /** Cap on the DECOMPRESSED body, in bytes. */
  maxBytes: number;
  /** DNS + TCP (+ TLS) connect, per hop. Default 5 s. */
  connectTimeoutMs?: number;
  /** No byte received for this long → abort. Default 15 s. */
  idleTimeoutMs?: number;
  /** Whole fetch, body included. Default 60 s. */
  totalTimeoutMs?: number;
  /** Redirects followed by hand, each re-validated. Default 3. */
  maxRedirects?: number;
  /** Cap on the response header block. Default 16 KiB. */
  maxHeaderBytes?: number;
  /** Name → every A/AAAA answer. Default: `dns.promises.lookup(host, { all: true })`. Injected by tests. */
  resolve?: (host: string) => Promise<string[]>;
  /** Certificates trusted instead of Node's bundled roots (tests use a self-signed one). */
  ca?: string;
}

export interface SafeResponse {
  /** The final URL, after redirects. */
  url: URL;
  /** Media type (lower-case, no parameters), one of `ALLOWED_CONTENT_TYPES`. */
  contentType: string;
  /** The decompressed body, capped at `maxBytes` and timed; fails with a `UrlRefusedError`. */
  body: Readable;
}

/** What the upload path can parse (datasets/formats.ts), as servers label it. */
export const ALLOWED_CONTENT_TYPES = new Set([
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/json',
  'application/x-ndjson',
  'application/ndjson',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/vnd.apache.parquet',
  'application/x-parquet',
]);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const defaultResolve = async (host: string): Promise<string[]> =>
  (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The ONE audited way a user-supplied URL leaves the machine (SECURITY-TESTS.md row F, §1.2):
 * parse once (WHATWG), scheme / userinfo / port / exact-host allowlist checks, every DNS answer global unicast,
 * a TCP connection to exactly the address validated (no second lookup, so no DNS-rebinding window), redirects
 * followed by hand and re-validated, fixed request headers (no cookies or credentials, ever), connect / idle /
 * total timeouts, a header-size cap, a content-type allowlist and a cap on the decompressed body.
 * Every failure is a `UrlRefusedError`; callers show its one uniform message and log `kind`/`detail`.
 */
export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const deadline = new Deadline(options.totalTimeoutMs ?? 60_000);
  try {
    let target = checkUrl(raw, options);
    for (let hop = 0; ; hop++) {
      const response = await requestOnce(target, options, deadline);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (hop >= (options.maxRedirects ?? 3)) throw refuse('redirect', `more than ${hop} redirects`);
        if (typeof location !== 'string') throw refuse('redirect', `${status} without a Location`);
        const next = checkUrl(location, options, target.url);
        if (target.url.protocol === 'https:' && next.url.protocol !== 'https:')
          throw refuse('redirect', 'https → http downgrade');
        target = next;
        continue;
      }
      if (status !== 200) {
        response.destroy();
        throw refuse('status', `HTTP ${status}`);
      }
      return {
        url: target.url,
        contentType: checkContentType(response),
        body: decodeBody(response, options, deadline),
      };
    }
  } catch (err) {
    deadline.clear();
    throw deadline.asRefusal(err as Error);
  }
}

/** Resolves, validates every answer, connects to the first, sends one GET; resolves with the response head. */
async function requestOnce(
  target: CheckedUrl,
  options: SafeFetchOptions,
  deadline: Deadline,
): Promise<IncomingMessage> {
  const connectMs = options.connectTimeoutMs ?? 5_000;
  const address = target.literal ?? (await resolveChecked(target.host, options, connectMs, deadline));
  const { url } = target;
  const secure = url.protocol === 'https:';
  const family = address.includes(':') ? 6 : 4;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = (secure ? https : http).request({
      host: address,
      port: target.port,
      family,
      // Node skips `lookup` for IP hosts; should anything still ask, it gets the validated address only.
      lookup: (_name: string, _opts: unknown, cb: (e: Error | null, a: string, f: number) => void) =>
        cb(null, address, family),
      servername: secure && target.literal === null ? target.host : undefined,
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: {
        host: url.host,
        accept: [...ALLOWED_CONTENT_TYPES].join(', '),
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': `Quarry/${VERSION} (data import)`,
      },
      agent: false,
      ...(secure && options.ca !== undefined ? { ca: options.ca } : {}),
      maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
      insecureHTTPParser: false,
      signal: deadline.signal,
    });
    const connectTimer = setTimeout(
      () => request.destroy(deadline.fail(refuse('timeout', `connect took more than ${connectMs} ms`))),
      connectMs,
    );
    request.on('socket', (socket: Socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      socket.setTimeout(options.idleTimeoutMs ?? 15_000, () =>
        socket.destroy(deadline.fail(refuse('timeout', 'idle: no bytes received in time'))),
      );
    });
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      resolve(response);
    });
    request.on('error', (err) => {
      clearTimeout(connectTimer);
      reject(deadline.asRefusal(err));
    });
    request.end();
  });
}

async function resolveChecked(
  host: string,
  options: SafeFetchOptions,
  timeoutMs: number,
  deadline: Deadline,
): Promise<string> {
  let addresses: string[];
  let timer: NodeJS.Timeout | undefined;
  try {
    addresses = await Promise.race([
      (options.resolve ?? defaultResolve)(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(refuse('timeout', 'DNS lookup took too long')), timeoutMs);
      }),
      deadline.rejected,
    ]);
  } catch (err) {
    throw err instanceof UrlRefusedError ? err : refuse('dns', `${host}: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (addresses.length === 0) throw refuse('dns', `${host}: no addresses`);
  // EVERY answer must pass: a name with one public and one private answer is refused.
  for (const address of addresses) checkAddress(address, options);
  return addresses[0];
}

function checkContentType(response: IncomingMessage): string {
  const header = response.headers['content-type'] ?? '';
  const type = header.split(';')[0].trim().toLowerCase();
  if (!ALLOWED_CONTENT_TYPES.has(type)) {
    response.destroy();
    throw refuse('content-type', `Content-Type '${header.slice(0, 100)}'`);
  }
  return type;
}

/** Decompresses (streaming) and counts the decompressed bytes against the cap; the deadline covers the body. */
function decodeBody(response: IncomingMessage, options: SafeFetchOptions, deadline: Deadline): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder =
    encoding === 'identity'
      ? null
      : encoding === 'gzip' || encoding === 'x-gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : undefined;
  if (decoder === undefined) {
    response.destroy();
    throw refuse('encoding', `Content-Encoding '${encoding.slice(0, 50)}'`);
  }
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  if (declared > options.maxBytes) {
    response.destroy();
    throw refuse('too-large', `Content-Length ${declared} > ${options.maxBytes}`);
  }
  const counter = new ByteCap(options.maxBytes);
  deadline.onExpire(() => counter.destroy(deadline.cause));
  const done = () => deadline.clear();
  if (decoder === null) pipeline(response, counter, done);
  else pipeline(response, decoder, counter, done);
  // pipeline() fails every stream with the first error (a reset socket says only "aborted"); the body handed
  // out re-throws it as the refusal that caused it (timeout, too-large) or as 'network'.
  async function* refusals(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of counter) yield chunk as Buffer;
    } catch (err) {
      throw deadline.asRefusal(err as Error);
    }
  }
  const body = Readable.from(refusals(), { objectMode: false });
  // A caller that drops the body unread must still free the socket now, not at the deadline.
  body.once('close', () => counter.destroy());
  return body;
}

/** Passes bytes through until the cap; one byte more and the stream fails with 'too-large'. */
class ByteCap extends Transform {
  private seen = 0;
  constructor(private readonly cap: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.cap) callback(refuse('too-large', `body over ${this.cap} bytes (decompressed)`));
    else callback(null, chunk);
  }
}

/**
 * The total time budget of one fetch (an AbortSignal for requests, a hook for the body stream), and the first
 * refusal that stopped it: a socket destroyed by a timer surfaces later as a bare "aborted" or "socket hang up".
 */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly listeners: (() => void)[] = [];
  cause: UrlRefusedError | undefined;
  readonly rejected: Promise<never>;

  constructor(ms: number) {
    let rejectExpired: (e: Error) => void = () => undefined;
    this.rejected = new Promise<never>((_, reject) => {
      rejectExpired = reject;
    });
    this.rejected.catch(() => undefined);
    this.timer = setTimeout(() => {
      rejectExpired(this.fail(refuse('timeout', 'total time exceeded')));
      // Listeners first: the body stream must fail with 'timeout', not with the abort that follows.
      for (const listener of this.listeners) listener();
      this.controller.abort();
    }, ms);
  }
  /** Records the first refusal; returns it. */
  fail(refusal: UrlRefusedError): UrlRefusedError {
    this.cause ??= refusal;
    return this.cause;
  }
  asRefusal(err: Error): UrlRefusedError {
    if (err instanceof UrlRefusedError) return err;
    return this.cause ?? refuse('network', err.message);
  }
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  onExpire(listener: () => void): void {
    this.listeners.push(listener);
  }
  clear(): void {
    clearTimeout(this.timer);
  }
}
