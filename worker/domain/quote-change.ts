/**
 * A line write's lean answer (`?answer=change`): the one line added or changed (or the ids
 * removed), the order of every line, the totals and sections, and the quote's new version —
 * instead of the whole quote. Merged into the quote the client read before the write, it is
 * the quote a read after the write answers (test/api/quote-answers.test.ts holds it to that).
 */
import type { Totals } from './pricing';
import type { Section } from './quote';

export interface QuoteChange<L extends { id: number; position: number }> {
  id: number;
  version: number;
  updatedAt: string;
  /** The line added or changed, priced, with its own texts; null when lines were only removed. */
  line: L | null;
  removedLineIds: number[];
  /** Every line id of the quote, in order, after the write… */
  order: number[];
  /** …and each one's position (an insert shifts the lines below it; a removal leaves a gap). */
  positions: number[];
  totals: Totals;
  sections: Section[];
}

interface ChangeableQuote<L extends { id: number; position: number }> {
  id: number;
  version: number;
  updatedAt: string;
  lines: L[];
  totals: Totals;
  sections: Section[];
}

export function applyQuoteChange<L extends { id: number; position: number }, Q extends ChangeableQuote<L>>(
  quote: Q,
  change: QuoteChange<L>,
): Q {
  if (change.id !== quote.id) throw new Error(`a change of quote ${change.id} cannot apply to quote ${quote.id}`);
  const byId = new Map(quote.lines.map((l) => [l.id, l]));
  for (const id of change.removedLineIds) byId.delete(id);
  if (change.line) byId.set(change.line.id, change.line);
  if (change.positions.length !== change.order.length) throw new Error('a change names as many positions as lines');
  const lines = change.order.map((id, i) => {
    const line = byId.get(id);
    if (!line) throw new Error(`the change names line ${id}, which the quote read before does not have`);
    const position = change.positions[i]!;
    return line.position === position ? line : { ...line, position };
  });
  return { ...quote, version: change.version, updatedAt: change.updatedAt, lines, totals: change.totals, sections: change.sections };
}

/**
 * The change a write made, from the quote as read back after it: `lineId` the line added or
 * changed (null when none was), `removed` the ids it took out.
 */
export function changeOf<Q extends ChangeableQuote<{ id: number; position: number }>>(
  quote: Q,
  lineId: number | null,
  removed: number[] = [],
): QuoteChange<Q['lines'][number]> {
  return {
    id: quote.id,
    version: quote.version,
    updatedAt: quote.updatedAt,
    line: lineId === null ? null : (quote.lines.find((l) => l.id === lineId) ?? null),
    removedLineIds: removed,
    order: quote.lines.map((l) => l.id),
    positions: quote.lines.map((l) => l.position),
    totals: quote.totals,
    sections: quote.sections,
  };
}
