/** The customer's pledges, and the crowdfunding projects they went to (the project's norm-hours are the domain's). */
import { formatFixed, formatMilli } from '../../domain/format';
import { priceEstimate } from '../../domain/pricing';
import { PLEDGE_STATUS_WORDS, PROJECT_STATUS_WORDS } from '../../domain/words/statuses';
import type { CustomerExport } from '../../store/customer-export';
import type { ListSheet } from '../table';
import { groupBy, type CustomerBook } from './book';

type PledgeRow = CustomerExport['pledges'][number];
type ProjectRow = CustomerExport['projects'][number];

export function crowdfundingSheets(b: CustomerBook): { pledges: ListSheet; projects: ListSheet } {
  const { doc, lang, w, list, named, date } = b;
  const projectOf = (p: PledgeRow) => b.projectById.get(p.projectId);
  const pledges = list.list<PledgeRow>({
    sheet: w('pledgesSheet'),
    table: 'Pledges',
    title: w('pledgesTitle'),
    rows: doc.pledges,
    cols: [
      { key: 'id', head: w('numberSign'), kind: 'int', width: [5, 7], get: (p) => p.id },
      { key: 'project', head: w('project'), kind: 'text', width: [8, 12], get: (p) => projectOf(p)?.code ?? `#${p.projectId}` },
      { key: 'title', head: w('projectTitle'), kind: 'wrap', width: [18, 32], get: (p) => projectOf(p)?.title ?? '' },
      { key: 'normHours', head: w('normHours'), kind: 'hours', width: [10, 12], get: (p) => p.normHoursCenti },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 16], get: (p) => named(PLEDGE_STATUS_WORDS, p.status) },
      { key: 'pledgedOn', head: w('pledgedOn'), kind: 'date', width: [11, 11], get: (p) => date(p.pledgedOn) },
      { key: 'confirmed', head: w('confirmedOn'), kind: 'date', width: [11, 12], get: (p) => date(p.confirmedAt) },
      { key: 'cancelled', head: w('cancelledOn'), kind: 'date', width: [11, 11], get: (p) => date(p.cancelledAt) },
      { key: 'quote', head: w('quote'), kind: 'text', width: [10, 16], get: (p) => b.quoteNumber(p.quoteId) },
      { key: 'note', head: w('note'), kind: 'wrap', width: [14, 30], get: (p) => p.note },
    ],
  });

  const estimatesOf = groupBy(doc.projectEstimates, (e) => e.projectId);
  const estimateOf = (p: ProjectRow) => estimatesOf.get(p.id) ?? [];
  const projects = list.list<ProjectRow>({
    sheet: w('projectsSheet'),
    table: 'Projects',
    title: w('projectsTitle'),
    rows: doc.projects,
    cols: [
      { key: 'code', head: w('code'), kind: 'text', width: [8, 12], get: (p) => p.code },
      { key: 'title', head: w('quoteTitle'), kind: 'wrap', width: [18, 30], get: (p) => p.title },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 15], get: (p) => named(PROJECT_STATUS_WORDS, p.status) },
      { key: 'target', head: w('targetDate'), kind: 'date', width: [11, 11], get: (p) => date(p.targetDate) },
      // Norm-hours do not depend on the rate: any rate prices the same estimate.
      {
        key: 'normHours',
        head: w('normHours'),
        kind: 'hours',
        width: [10, 12],
        get: (p) => priceEstimate(estimateOf(p), 0).normHoursCenti,
      },
      {
        key: 'estimate',
        head: w('estimateBySpecialist'),
        kind: 'wrap',
        width: [20, 34],
        get: (p) =>
          estimateOf(p)
            .map((e) => `${e.title || '—'}: ${formatFixed(e.hoursCenti, 2, lang)} ${w('hourUnit')} × K ${formatMilli(e.kMilli, lang)}`)
            .join('\n'),
      },
      { key: 'description', head: w('description'), kind: 'wrap', width: [24, 50], get: (p) => p.descriptionMd },
      {
        key: 'links',
        head: w('links'),
        kind: 'wrap',
        width: [16, 36],
        get: (p) =>
          parseLinks(p.links)
            .map((l) => (l.title ? `${l.title} — ${l.url}` : l.url))
            .join('\n'),
      },
    ],
  });
  return { pledges, projects };
}

function parseLinks(json: string): { title: string; url: string }[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v.filter(
          (x): x is { title: string; url: string } => !!x && typeof x === 'object' && typeof (x as { url?: unknown }).url === 'string',
        )
      : [];
  } catch {
    return [];
  }
}
