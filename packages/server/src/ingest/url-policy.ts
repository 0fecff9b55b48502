import { classifyAddress, parseIPv4 } from './ip-policy';
import { refuse } from './refusal';

/** What a user URL may be: checked on the URL given and again on every redirect target. */
export interface UrlPolicy {
  /** Exact host names (or IP literals) allowed; normalised with `normaliseHost`. */
  allowlist: ReadonlySet<string>;
  /** Allow plain `http:` (default: https only). A redirect from https to http is refused even then. */
  allowHttp: boolean;
  /**
   * TEST ONLY: one `address:port` treated as global and allowed although it is not (a 127.0.0.x listener), so the
   * redirect and response-abuse suites can run against a real local server. Never set from configuration.
   */
  testOnlyAllow?: { address: string; port: number };
}

export interface CheckedUrl {
  url: URL;
  /** Normalised host name: lower-case, punycode, no trailing dot; IPv6 without brackets. */
  host: string;
  port: number;
  /** The host is an IP literal: no DNS, the literal itself was classified. */
  literal: string | null;
}

const MAX_URL_LENGTH = 2048;

/**
 * Parses a raw URL once with WHATWG `URL` and checks it against the policy. Refused before parsing: leading or
 * trailing whitespace, any control character or space, and backslashes (which WHATWG reads as `/` for http(s)
 * while other parsers do not — SECURITY-TESTS §1.2 "parser confusion"). The parsed object is what gets fetched;
 * the raw string is never parsed again.
 */
export function checkUrl(raw: string, policy: UrlPolicy, base?: URL): CheckedUrl {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) throw refuse('parse', `length ${raw.length}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u0020\u007f\\]/.test(raw))
    throw refuse('parse', 'whitespace, control character or backslash');
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    throw refuse('parse', 'not a URL');
  }
  return checkParsed(url, policy);
}

export function checkParsed(url: URL, policy: UrlPolicy): CheckedUrl {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    throw refuse('scheme', url.protocol);
  if (url.username !== '' || url.password !== '') throw refuse('userinfo', 'credentials in the URL');
  const host = normaliseHost(url.hostname);
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  const port = url.port === '' ? defaultPort : Number(url.port);
  const testPort = policy.testOnlyAllow?.port;
  if (port !== defaultPort && port !== testPort) throw refuse('port', `port ${port}`);
  if (!policy.allowlist.has(host)) throw refuse('host', `host ${host} is not on the allowlist`);
  const literal = ipLiteral(host);
  if (literal !== null) checkAddress(literal, policy);
  url.hash = '';
  // The Host header and SNI name the host the allowlist matched (no trailing dot).
  if (url.hostname.endsWith('.')) url.hostname = host;
  return { url, host, port, literal };
}

/** Throws unless the address is global unicast (or the one test-only address). */
export function checkAddress(address: string, policy: UrlPolicy): void {
  if (policy.testOnlyAllow !== undefined && address === policy.testOnlyAllow.address) return;
  const verdict = classifyAddress(address);
  if (!verdict.allowed) throw refuse('address', verdict.reason);
}

/**
 * A parsed URL's host as compared with the allowlist: WHATWG has already lower-cased it and applied IDNA
 * (punycode); here the trailing dot(s) and IPv6 brackets go.
 */
export function normaliseHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/\.+$/, '')
    .replace(/^\[(.*)\]$/, '$1');
}

/**
 * The allowlist as a set of normalised names: each entry goes through the same WHATWG host parser as a URL
 * (IDNA, IPv4 canonicalisation, lower-case), so `Bücher.example.` and `xn--bcher-kva.example` are one entry.
 * Entries that are not valid hosts are dropped (they could never match).
 */
export function allowlistOf(names: readonly string[]): ReadonlySet<string> {
  const hosts = new Set<string>();
  for (const name of names) {
    const bare = name.trim();
    const bracketed = bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare;
    try {
      const host = normaliseHost(new URL(`https://${bracketed}/`).hostname);
      if (host !== '' && !/[/@?#]/.test(bare)) hosts.add(host);
    } catch {
      // not a host name: skipped
    }
  }
  return hosts;
}

/** An IPv4 or IPv6 literal host (WHATWG has already canonicalised 0x7f.1, 2130706433, … to dotted quads). */
function ipLiteral(host: string): string | null {
  if (parseIPv4(host) !== null) return host;
  if (host.includes(':')) return host;
  return null;
}
