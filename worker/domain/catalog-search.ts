/**
 * Finding a price-list item the way a manager types: a code ("2.5", "4.1") matches by
 * prefix, words ("внедрение", "implementation") match the start of words in the names and
 * descriptions, case- and ё-insensitively. Best matches first.
 */

export interface Searchable {
  code: string;
  name: string;
  nameEn: string;
  description?: string;
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„]/g, ' ');
const words = (s: string) =>
  normalize(s)
    .split(/[^\p{L}\p{N}.]+/u)
    .filter(Boolean);

/** A rough stem: Russian words change their endings, so compare the first 5 letters of long words. */
function stem(word: string): string {
  return word.length > 6 ? word.slice(0, Math.max(5, word.length - 3)) : word;
}

export function scoreItem(item: Searchable, query: string): number {
  const q = normalize(query).trim();
  if (!q) return 1;
  const code = item.code.toLowerCase();
  if (/^[\d.]+$/.test(q)) {
    if (code === q) return 100;
    if (code.startsWith(q)) return 80 - (code.length - q.length);
    return 0;
  }
  const terms = words(q);
  const nameWords = [...words(item.name), ...words(item.nameEn)];
  const bodyWords = words(item.description ?? '');
  let score = 0;
  for (const term of terms) {
    const s = stem(term);
    if (nameWords.some((w) => w.startsWith(s))) score += 10;
    else if (bodyWords.some((w) => w.startsWith(s))) score += 3;
    else if (code.startsWith(term)) score += 5;
    else return 0;
  }
  return score;
}

export function searchCatalog<T extends Searchable>(items: readonly T[], query: string, limit = 50): T[] {
  return items
    .map((item, index) => ({ item, index, score: scoreItem(item, query) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.item);
}
