import { csrfHeaders } from './csrf';
import { ApiError, abortError, errorFromBody, isAbortError, networkError } from './errors';
import { sessionTokenStore, type TokenStore } from './token-store';

/**
 * Asks the person for the access token. `rejected` is true when a token was sent and refused, so the prompt
 * can say so. Resolves to the token, or null when they give up.
 */
export type TokenPrompt = (context: { rejected: boolean }) => Promise<string | null>;

export interface ClientOptions {
  /** Prefix for every path; '' in the browser (same origin), 'http://127.0.0.1:port' in tests. */
  baseUrl?: string;
  tokenStore?: TokenStore;
  promptToken?: TokenPrompt;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** Fraction of the request body sent so far, 0..1. */
  onProgress?: (fraction: number) => void;
}

// A person who keeps pasting a wrong token is asked again; a loop that never ends is a bug, so stop somewhere.
const MAX_TOKEN_PROMPTS = 5;

export class ApiClient {
  readonly baseUrl: string;
  readonly tokens: TokenStore;
  private promptToken: TokenPrompt | null;
  private pendingPrompt: Promise<string | null> | null = null;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.tokens = options.tokenStore ?? sessionTokenStore();
    this.promptToken = options.promptToken ?? null;
  }

  setTokenPrompt(prompt: TokenPrompt | null): void {
    this.promptToken = prompt;
  }

  url(path: string): string {
    return this.baseUrl + path;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.json<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.json<T>('POST', path, body, options);
  }

  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.json<T>('PUT', path, body, options);
  }

  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.json<T>('PATCH', path, body, options);
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.json<T>('DELETE', path, undefined, options);
  }

  /**
   * A JSON request. The Content-Type header goes along only when there is a body: the server rejects a
   * JSON content type with an empty body, and anything but JSON on a route that takes a body.
   */
  async json<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const init: RequestInit = { method, headers, signal: options.signal };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await this.request(path, init);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, 'BAD_RESPONSE', 'The server sent an answer Quarry could not read.');
    }
  }

  /**
   * fetch with the Authorization header, the token prompt on 401, and errors turned into ApiError.
   * Resolves only for 2xx answers; the caller reads the body (JSON, a stream, a file).
   */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    for (let prompts = 0; ; prompts++) {
      const sent = this.tokens.get();
      const headers = new Headers(init.headers);
      if (sent) headers.set('Authorization', `Bearer ${sent}`);
      for (const [name, value] of Object.entries(csrfHeaders(init.method ?? 'GET'))) headers.set(name, value);
      let response: Response;
      try {
        response = await fetch(this.url(path), { ...init, headers });
      } catch (error) {
        if (isAbortError(error) || init.signal?.aborted) throw abortError();
        throw networkError();
      }
      if (response.ok) return response;
      const error = errorFromBody(response.status, response.statusText, await safeText(response));
      if (response.status !== 401 || prompts >= MAX_TOKEN_PROMPTS || !(await this.renewToken(sent))) {
        throw error;
      }
    }
  }

  /** Multipart upload through XMLHttpRequest, the one browser API that reports upload progress. */
  async upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
    for (let prompts = 0; ; prompts++) {
      const sent = this.tokens.get();
      const result = await this.sendForm(path, form, sent, options);
      if (result.status >= 200 && result.status < 300) {
        try {
          return (result.body ? JSON.parse(result.body) : undefined) as T;
        } catch {
          throw new ApiError(
            result.status,
            'BAD_RESPONSE',
            'The server sent an answer Quarry could not read.',
          );
        }
      }
      const error = errorFromBody(result.status, result.statusText, result.body);
      if (result.status !== 401 || prompts >= MAX_TOKEN_PROMPTS || !(await this.renewToken(sent))) {
        throw error;
      }
    }
  }

  /** Downloads a file with the auth header and hands it to the browser under `fileName`. */
  async download(path: string, fileName: string, options: RequestOptions = {}): Promise<void> {
    const response = await this.request(path, { signal: options.signal, headers: options.headers });
    const blob = await response.blob();
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // The click starts the download asynchronously; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }

  /**
   * After a 401: true when there is a (new) token worth retrying with. Concurrent requests that fail together
   * share one prompt; a request that failed with a token already replaced by someone else just retries.
   */
  private async renewToken(sent: string | null): Promise<boolean> {
    const current = this.tokens.get();
    if (current && current !== sent) return true;
    if (sent && current === sent) this.tokens.set(null);
    if (!this.promptToken) return false;
    if (!this.pendingPrompt) {
      this.pendingPrompt = this.promptToken({ rejected: sent !== null }).finally(() => {
        this.pendingPrompt = null;
      });
    }
    const token = (await this.pendingPrompt)?.trim();
    if (!token) return false;
    // Exchanged for an HttpOnly session cookie, the token need not stay where a script could read it. A server
    // without sessions (or one that refuses the token there) gets it as a bearer header, as before.
    if (await this.startSession(token)) return true;
    this.tokens.set(token);
    return true;
  }

  /** POST /api/session: true when the server set a session cookie for `token`. */
  private async startSession(token: string): Promise<boolean> {
    try {
      const response = await fetch(this.url('/api/session'), {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      if (!response.ok) return false;
      return ((await response.json()) as { authRequired?: unknown }).authRequired === true;
    } catch {
      return false;
    }
  }

  private sendForm(
    path: string,
    form: FormData,
    token: string | null,
    options: UploadOptions,
  ): Promise<{ status: number; statusText: string; body: string }> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(abortError());
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.url(path));
      xhr.setRequestHeader('Accept', 'application/json');
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
      };
      const onAbort = () => xhr.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => options.signal?.removeEventListener('abort', onAbort);
      xhr.onload = () => {
        done();
        resolve({ status: xhr.status, statusText: xhr.statusText, body: xhr.responseText });
      };
      xhr.onerror = () => {
        done();
        reject(networkError());
      };
      xhr.onabort = () => {
        done();
        reject(abortError());
      };
      xhr.send(form);
    });
  }
}

async function safeText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

/** The one client the app uses; the token prompt is attached by <TokenPrompt /> when the app mounts. */
export const api = new ApiClient();
