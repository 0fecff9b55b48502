// Every server error has one shape: { statusCode, code, error, message, details }. The UI shows `message`
// (written by the server to say what to do) and never a stack; anything that is not that shape — a proxy's
// HTML error page, a dropped connection — is turned into a message of our own.

export interface ErrorBody {
  statusCode: number;
  code: string;
  error?: string;
  message: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(statusCode: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export const NETWORK_ERROR_MESSAGE =
  'Could not reach the Quarry server. Check that it is running, then try again.';

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.message === 'string' && typeof body.code === 'string';
}

function fallbackMessage(status: number, statusText: string): string {
  if (status === 502 || status === 503 || status === 504) {
    return `The Quarry server did not answer (HTTP ${status}). Check that it is running, then try again.`;
  }
  const text = statusText ? ` ${statusText}` : '';
  return `The request failed with HTTP ${status}${text}.`;
}

/** Builds an ApiError from a non-2xx answer; `bodyText` is the raw response body (possibly empty or HTML). */
export function errorFromBody(status: number, statusText: string, bodyText: string): ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  if (isErrorBody(parsed)) {
    const details =
      typeof parsed.details === 'object' && parsed.details !== null
        ? parsed.details
        : ({} as Record<string, unknown>);
    const statusCode = typeof parsed.statusCode === 'number' ? parsed.statusCode : status;
    return new ApiError(statusCode, parsed.code, parsed.message, details);
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage(status, statusText));
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'AbortError'
  );
}

export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** The text to show a person for any thrown value: the server's message, or a plain sentence — never a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong. Try again.';
}
