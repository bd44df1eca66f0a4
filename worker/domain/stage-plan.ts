/**
 * How an accepted quote is cut into the stages of its work order: one stage per line, per
 * section, a single stage, or the stages the manager names (every service in exactly one).
 * Crowdfunding shares are paid by pledges, not by stages; section headings carry no work.
 */
import type { LineKind, StageSplit } from './enums';
import { totalHoursCenti } from './ledger';
import { lineNormHoursCenti } from './pricing';
import { decided, refused, type Decided } from './refusal';

export interface PlanLine {
  id: number;
  kind: LineKind;
  code: string;
  title: string;
  quantityMilli: number;
  hoursCenti: number | null;
  kMilli: number;
}

export interface StagePlan {
  title: string;
  lineIds: number[];
  hoursCenti: number;
  normHoursCenti: number;
}

export type PlanRequest = { stages?: { title: string; lineIds: number[] }[]; split?: StageSplit };

/** The title of a one-stage order whose quote has no section heading. */
const SINGLE_STAGE_TITLE = 'Работы по смете';

function stageOf(title: string, lines: readonly PlanLine[]): StagePlan {
  const asStageLines = lines.map((l) => ({ quantityMilli: l.quantityMilli, hoursCenti: l.hoursCenti ?? 0, kMilli: l.kMilli }));
  return {
    title,
    lineIds: lines.map((l) => l.id),
    hoursCenti: asStageLines.reduce((s, l) => s + totalHoursCenti(l), 0),
    normHoursCenti: asStageLines.reduce((s, l) => s + (lineNormHoursCenti(l) ?? 0), 0),
  };
}

export function planStages(lines: readonly PlanLine[], request: PlanRequest): Decided<StagePlan[]> {
  const billable = lines.filter((l) => l.kind === 'item' || l.kind === 'free');
  if (billable.length === 0) {
    return refused({
      status: 422,
      code: 'nothing_to_do',
      en: 'The quote has no services to turn into stages.',
      ru: 'В смете нет услуг, из которых можно сделать этапы.',
    });
  }
  const lineTitle = (l: PlanLine) => (l.code ? `${l.code} ${l.title}` : l.title);
  if (request.stages) {
    const seen = new Map<number, number>();
    for (const s of request.stages) for (const id of s.lineIds) seen.set(id, (seen.get(id) ?? 0) + 1);
    const wrong = [...seen.keys()].filter((id) => !billable.some((l) => l.id === id));
    const twice = [...seen.entries()].filter(([, n]) => n > 1).map(([id]) => id);
    const missing = billable.filter((l) => !seen.has(l.id)).map((l) => l.id);
    if (wrong.length || twice.length || missing.length) {
      const list = (ids: number[]) => ids.join(', ') || '—';
      return refused({
        status: 400,
        code: 'validation_failed',
        en:
          `stages: every service of the quote must be in exactly one stage (unknown: ${list(wrong)}; twice: ${list(twice)}; missing: ` +
          `${list(missing)}).`,
        ru:
          `stages: каждая услуга сметы должна быть ровно в одном этапе (чужие: ${list(wrong)}; дважды: ${list(twice)}; пропущены: ` +
          `${list(missing)}).`,
        details: [{ field: 'stages', code: 'invalid', message: 'every billable line exactly once' }],
      });
    }
    return decided(
      request.stages.map((s) =>
        stageOf(
          s.title,
          s.lineIds.map((id) => billable.find((l) => l.id === id)!),
        ),
      ),
    );
  }
  const split = request.split ?? 'by_line';
  if (split === 'single') return decided([stageOf(lines.find((l) => l.kind === 'section')?.title ?? SINGLE_STAGE_TITLE, billable)]);
  if (split === 'by_line') return decided(billable.map((l) => stageOf(lineTitle(l), [l])));
  const groups: { title: string; lines: PlanLine[] }[] = [];
  for (const l of lines) {
    if (l.kind === 'section') groups.push({ title: l.title, lines: [] });
    else if (l.kind === 'item' || l.kind === 'free') {
      if (groups.length === 0) groups.push({ title: lineTitle(l), lines: [] });
      groups[groups.length - 1]!.lines.push(l);
    }
  }
  return decided(groups.filter((g) => g.lines.length > 0).map((g) => stageOf(g.title, g.lines)));
}
