// The preview grid asks for rows in pages of 200 as they scroll into view.
export const PAGE_SIZE = 200;

/** Page numbers covering rows first..last (inclusive). */
export function pagesFor(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first || last < 0) return [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(first, 0) / pageSize); page <= Math.floor(last / pageSize); page++) {
    pages.push(page);
  }
  return pages;
}

/** Column width in pixels, from the header text: wide enough to read, never huge. */
export function columnWidth(name: string): number {
  return Math.min(280, Math.max(110, name.length * 8 + 40));
}
