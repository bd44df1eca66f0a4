/** What search columns hold: lower case in every alphabet, ё as е, single spaces. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern for `query` against a searchText column, with % and _ escaped (escape '\'). */
export function likePattern(query: string): string {
  return `%${searchText(query).replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
}
