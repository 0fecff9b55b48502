/**
 * Ids in URLs are server-generated (UUIDs) and names are display text; neither is ever a path. A value with a
 * slash, backslash, colon, `..`, a percent-escape left after decoding (double encoding, `%00`) or a control
 * character is an attack string (SECURITY-TESTS row E), refused before any route sees it. A model `name` is
 * typed by a person, so it may keep colons and dots ("churn: v2..final"); everything else is refused there too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const UNSAFE = /[/\\:\u0000-\u001f\u007f]|\.\.|%[0-9a-f]{2}/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const UNSAFE_NAME = /[/\\\u0000-\u001f\u007f]|%[0-9a-f]{2}/i;

export function unsafeParam(params: unknown): boolean {
  if (params === null || typeof params !== 'object') return false;
  return Object.entries(params).some(
    ([key, v]) =>
      typeof v === 'string' && (v === '.' || v === '..' || (key === 'name' ? UNSAFE_NAME : UNSAFE).test(v)),
  );
}

/** The path of a URL for an error message, or a placeholder when it looks like an attack string. */
export function echoablePath(url: string): string {
  const path = url.split('?')[0];
  return /^[A-Za-z0-9/_.-]{1,200}$/.test(path) && !path.includes('..') && !path.includes('//')
    ? path
    : '(this URL)';
}
