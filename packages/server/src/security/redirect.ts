/**
 * Where to send the browser after a login: `next` if it is a same-origin path, else '/'. A path must start with
 * exactly one '/' and contain no backslash, control character or scheme-like prefix, checked after decoding once
 * (SECURITY-TESTS row D: `//evil.example`, `/\evil.example`, `%2F%2Fevil.example`, `/%09/evil.example`,
 * `javascript:`). The token is never part of the target.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return '/';
  }
  for (const candidate of [next, decoded]) {
    if (!candidate.startsWith('/') || candidate.startsWith('//')) return '/';
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
    if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return '/';
  }
  // Resolved against a placeholder origin, the target must stay on it; the query must not carry a token.
  const url = new URL(next, 'http://quarry.invalid');
  if (url.origin !== 'http://quarry.invalid') return '/';
  url.searchParams.delete('token');
  return url.pathname + url.search + url.hash;
}
