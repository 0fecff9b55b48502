import { catalog } from '../errors';

/** Why a URL fetch was refused. Logged on the server; never sent to the client (no port-scan oracle). */
export type RefusalKind =
  | 'parse'
  | 'scheme'
  | 'userinfo'
  | 'port'
  | 'host'
  | 'address'
  | 'dns'
  | 'redirect'
  | 'status'
  | 'content-type'
  | 'encoding'
  | 'too-large'
  | 'timeout'
  | 'network';

/** The one message every refusal shows to the client, whatever the reason. */
export const URL_REFUSED_MESSAGE = catalog.URL_REFUSED.message({});

/**
 * A refused or failed URL fetch. `kind` and `detail` are for the server log and for tests; the route answers
 * every one of them with the same URL_REFUSED error, so a caller cannot tell "closed port" from "not allowed".
 */
export class UrlRefusedError extends Error {
  override name = 'UrlRefusedError';
  constructor(
    readonly kind: RefusalKind,
    readonly detail: string,
  ) {
    super(URL_REFUSED_MESSAGE);
  }
}

export const refuse = (kind: RefusalKind, detail: string): UrlRefusedError =>
  new UrlRefusedError(kind, detail);
