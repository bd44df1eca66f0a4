/**
 * A document's vocabulary: the catalogue tables it reads, as one table. The same key in two
 * of them would make one word silently replace another, so it is refused as soon as the
 * document's module loads.
 */
import type { Table } from './words';

type Both<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export function vocabulary<T extends readonly Table[]>(...tables: T): Both<T[number]> {
  const all: Record<string, Table[string]> = {};
  for (const table of tables) {
    for (const [key, pair] of Object.entries(table)) {
      if (key in all) throw new Error(`vocabulary: the key "${key}" is in two tables`);
      all[key] = pair;
    }
  }
  return all as Both<T[number]>;
}
