/**
 * What the focused line's service is as the quote froze it (category, description, inputs,
 * result, limits): the staff quote answer leaves these texts out, so they come on demand from
 * GET /api/quotes/{id}/services — once per catalog item — and are asked again only when a line
 * the answer did not know is focused (a line's texts never change after it is added).
 */
import { useEffect, useState } from 'preact/hooks';
import type { QuoteLineT, QuoteServicesT, ServiceInfoT } from '../../../schema/api';
import { api } from '../api';

interface Known {
  quoteId: number;
  lineIds: ReadonlySet<number>;
  services: QuoteServicesT;
}

export function serviceOfLine(s: QuoteServicesT, line: Pick<QuoteLineT, 'id' | 'catalogItemId'>): ServiceInfoT | null {
  return s.lines[String(line.id)] ?? (line.catalogItemId !== null ? s.services[String(line.catalogItemId)] : undefined) ?? null;
}

export function useLineService(quoteId: number, lineIds: readonly number[], line: QuoteLineT | null): ServiceInfoT | null {
  const [known, setKnown] = useState<Known | null>(null);
  const wanted = line !== null && line.kind === 'item' ? line.id : null;
  const covered = wanted !== null && known?.quoteId === quoteId && known.lineIds.has(wanted);
  useEffect(() => {
    if (wanted === null || covered) return;
    let live = true;
    const ids = new Set(lineIds);
    api('GET /api/quotes/{id}/services', { params: { id: quoteId } })
      .then((services) => live && setKnown({ quoteId, lineIds: ids, services }))
      // Only a hint beside the grid: without it the panel shows the price list's texts.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [quoteId, wanted, covered]);
  return line && covered && known ? serviceOfLine(known.services, line) : null;
}
