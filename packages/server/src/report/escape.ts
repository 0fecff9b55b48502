const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML and SVG, in element content and in quoted attributes alike (OWASP XSS cheat sheet,
 * rule 1 and 2): every value in the report passes through this, so a column named `<img src=x onerror=…>` is
 * shown as text. Control characters other than tab and newline are dropped.
 */
export function esc(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  let clean = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 ? code !== 0x7f : code === 0x09 || code === 0x0a || code === 0x0d) clean += ch;
  }
  return clean.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A number for display: 4 significant decimals, '—' when missing. */
export function num(value: unknown, digits = 4): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return value.toFixed(digits);
}
