// Double-submit CSRF: after the access token is exchanged for a session cookie (POST /api/session or the first
// visit with ?token=), the server also sets a readable `quarry_csrf` cookie. A state-changing request
// authenticated by the cookie must echo it in X-CSRF-Token; a page on another site cannot read the cookie, so it
// cannot forge the header.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The value of the quarry_csrf cookie in `cookie` (document.cookie in the browser), or null. */
export function csrfToken(
  cookie: string = typeof document === 'undefined' ? '' : document.cookie,
): string | null {
  for (const pair of cookie.split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === 'quarry_csrf' && rest.length > 0) return rest.join('=');
  }
  return null;
}

/** The X-CSRF-Token header for a request with `method`, when there is a CSRF cookie to echo. */
export function csrfHeaders(method: string, cookie?: string): Record<string, string> {
  if (!STATE_CHANGING.has(method.toUpperCase())) return {};
  const token = csrfToken(cookie);
  return token === null ? {} : { 'X-CSRF-Token': token };
}
