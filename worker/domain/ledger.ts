/**
 * Norm-hour debits and work orders (DOMAIN.md, "From quote to consumption"):
 *  - a stage's debit: fixed services debit their fixed norm-hours; every service billed by time
 *    actually spent (the seed's «по оценке» lines: 2.1, 2.6–2.9 and the estimated lines of
 *    sections 3–5) the hours actually spent × K; money: domain/debit-money.ts;
 *  - the queue: orders run in order of final approval; an order starts when the balance
 *    covers it (its first stage when staged); after a stage, it pauses when the balance
 *    cannot pay the next one, and resumes on a top-up that does.
 * What an entry may be dated, top-ups and corrections: domain/ledger-entries.ts.
 * Pure: the store applies what `reconcile` decides with guarded writes.
 */
import type { OrderStatus, StageStatus } from './enums';
import { actionBetween } from './lifecycle';
import { big, divRound, toSafe } from './money';
import { ORDER_LIFECYCLE, type OrderAction } from './order-lifecycle';
import { lineNormHoursCenti, normHoursAmountMinor } from './pricing';

export type { OrderStatus, StageStatus };

export interface StageLine {
  lineId: number;
  code: string;
  title: string;
  categoryName: string;
  mode: 'fixed' | 'estimate';
  actualTime: boolean;
  quantityMilli: number;
  hoursCenti: number;
  kMilli: number;
}

/**
 * Whether a line is billed by the time actually spent (DOMAIN.md, second round): every
 * «по оценке» (estimate) line is, whatever its catalog item says; fixed services never are.
 */
export function takesActualHours(l: Pick<StageLine, 'mode' | 'actualTime'>): boolean {
  return l.mode === 'estimate' || l.actualTime;
}

/** quantity × hours per unit, in hundredths of an hour. */
export function totalHoursCenti(l: Pick<StageLine, 'quantityMilli' | 'hoursCenti'>): number {
  return toSafe(divRound(big(l.quantityMilli) * big(l.hoursCenti), 1000n));
}

export interface DebitItem {
  lineId: number;
  code: string;
  title: string;
  categoryName: string;
  hoursCenti: number;
  kMilli: number;
  normHoursCenti: number;
  moneyMinor: number;
  actualHoursCenti: number | null;
  /** The quote's estimate for the line: quantity × hours, and its norm-hours. */
  plannedHoursCenti: number;
  plannedNormHoursCenti: number;
}

export interface StageDebit {
  items: DebitItem[];
  normHoursCenti: number;
  moneyMinor: number;
}

export class DebitInputError extends Error {
  constructor(
    readonly en: string,
    readonly ru: string,
  ) {
    super(en);
  }
}

/**
 * What accepting a stage debits. `actual` maps line ids to the hours actually spent on
 * actual-time lines (total for the line, not per unit); a line without an entry is taken
 * at its estimate. Money per item = ROUND(norm-hours × rate, 2); the stage's money is
 * the sum of its items, so the report's rows add up to its totals to the kopeck.
 */
export function stageDebit(lines: readonly StageLine[], rateMinor: number, actual: ReadonlyMap<number, number>): StageDebit {
  for (const lineId of actual.keys()) {
    const line = lines.find((l) => l.lineId === lineId);
    if (!line) throw new DebitInputError(`Line ${lineId} is not part of this stage.`, `Строки ${lineId} нет в этом этапе.`);
    if (!line.actualTime) {
      throw new DebitInputError(
        `${line.code || line.title} is billed by its fixed or agreed hours, not by actual time.`,
        `${line.code || line.title} оплачивается по фиксированным или согласованным часам, а не по факту.`,
      );
    }
  }
  const items = lines.map((l): DebitItem => {
    const spent = l.actualTime ? actual.get(l.lineId) : undefined;
    const hoursCenti = spent ?? totalHoursCenti(l);
    const normHoursCenti =
      spent === undefined ? lineNormHoursCenti(l)! : lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: spent, kMilli: l.kMilli })!;
    return {
      lineId: l.lineId,
      code: l.code,
      title: l.title,
      categoryName: l.categoryName,
      hoursCenti,
      kMilli: l.kMilli,
      normHoursCenti,
      moneyMinor: normHoursAmountMinor(normHoursCenti, rateMinor),
      actualHoursCenti: spent ?? null,
      plannedHoursCenti: totalHoursCenti(l),
      plannedNormHoursCenti: lineNormHoursCenti(l)!,
    };
  });
  return {
    items,
    normHoursCenti: items.reduce((s, i) => s + i.normHoursCenti, 0),
    moneyMinor: items.reduce((s, i) => s + i.moneyMinor, 0),
  };
}

export interface QueueStage {
  n: number;
  status: StageStatus;
  normHoursCenti: number;
}

export interface QueueOrder {
  id: number;
  status: OrderStatus;
  approvedAt: string;
  stages: QueueStage[];
}

export interface StatusChange {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
}

/** A move the queue decides, checked against the lifecycle: every move it makes is one the table declares. */
function change(orderId: number, from: OrderStatus, to: OrderStatus): StatusChange {
  if (!actionBetween(ORDER_LIFECYCLE, from, to)) throw new Error(`no order action moves ${from} to ${to}`);
  return { orderId, from, to };
}

/** The lifecycle's action behind a move (for the store's guard). */
export function actionOf(c: StatusChange): OrderAction {
  return actionBetween(ORDER_LIFECYCLE, c.from, c.to)!;
}

/** The next stage to accept, or null when none is left. */
export function nextStage<S extends QueueStage>(stages: readonly S[]): S | null {
  return [...stages].sort((a, b) => a.n - b.n).find((s) => s.status === 'pending') ?? null;
}

/** What an order needs on the balance to start: all of it, or its first stage when staged. */
export function startNeed(order: QueueOrder): number {
  const pending = order.stages.filter((s) => s.status === 'pending');
  if (order.stages.length > 1) return nextStage(order.stages)?.normHoursCenti ?? 0;
  return pending.reduce((s, x) => s + x.normHoursCenti, 0);
}

/**
 * Where each of a customer's orders should stand now. In the order of final approval, every
 * running order reserves what its next stage needs from the available norm-hours (balance
 * plus any overdraft allowed); a running one that the rest cannot cover pauses, a paused
 * one that it can resumes, a queued one that it can starts. An order waiting for money does
 * not hold back the orders behind it.
 */
export function reconcile(balanceCenti: number, overdraftCenti: number, orders: readonly QueueOrder[]): StatusChange[] {
  let available = balanceCenti + overdraftCenti;
  const changes: StatusChange[] = [];
  const queue = [...orders].sort((a, b) => a.approvedAt.localeCompare(b.approvedAt) || a.id - b.id);
  for (const order of queue) {
    if (order.status === 'done' || order.status === 'withdrawn') continue;
    const next = nextStage(order.stages);
    if (!next) {
      changes.push(change(order.id, order.status, 'done'));
      continue;
    }
    if (order.status === 'queued') {
      const need = startNeed(order);
      if (available >= need) {
        changes.push(change(order.id, 'queued', 'in_progress'));
        available -= next.normHoursCenti;
      }
      continue;
    }
    const covered = available >= next.normHoursCenti;
    if (covered) available -= next.normHoursCenti;
    const to: OrderStatus = covered ? 'in_progress' : 'paused';
    if (to !== order.status) changes.push(change(order.id, order.status, to));
  }
  return changes;
}

/** Why an order waits, in words a person understands (for the queue board). */
export function waitingReason(order: QueueOrder, balanceCenti: number, overdraftCenti: number): { en: string; ru: string } | null {
  const next = nextStage(order.stages);
  if (!next || (order.status !== 'queued' && order.status !== 'paused')) return null;
  const need = order.status === 'queued' ? startNeed(order) : next.normHoursCenti;
  const short = need - (balanceCenti + overdraftCenti);
  const fmt = (c: number) => (c / 100).toFixed(2);
  if (short > 0) {
    return {
      en: `Needs ${fmt(need)} norm-hours; the balance is ${fmt(balanceCenti)} (short by ${fmt(short)}).`,
      ru:
        `Нужно ${fmt(need).replace('.', ',')} нормо-ч, на балансе ${fmt(balanceCenti).replace('.', ',')} (не хватает ` +
        `${fmt(short).replace('.', ',')}).`,
    };
  }
  return {
    en: 'Waits for earlier orders of this customer that the balance is reserved for.',
    ru: 'Ждёт более ранних заявок заказчика, под которые зарезервирован баланс.',
  };
}
