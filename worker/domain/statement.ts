/**
 * A customer's statement for a month («выписка» / «акт»): the opening balance, the top-ups with
 * their payments, the debits by work order and stage — each service planned against actual
 * hours, with its net, VAT and total on the accepted quote's terms — the corrections with their
 * reasons and what they correct, the closing balance. Built from the month report's entries
 * (domain/consumption.ts), so its figures are the report's to the kopeck. Debits and their money
 * are shown positive; corrections signed as in the ledger.
 */
import type { CustomerConsumption, ConsumptionEntry } from './consumption';
import { moneyOf } from './consumption';
import type { LedgerKind, TopupKind } from './enums';

export interface Money {
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
}

export interface StatementTopup extends Money {
  entryId: number;
  date: string;
  topupKind: TopupKind | null;
  paymentRef: string;
  invoiceNumber: string | null;
  memo: string;
  normHoursCenti: number;
  rateMinor: number | null;
}

export interface StatementItem extends Money {
  code: string;
  title: string;
  categoryName: string;
  plannedHoursCenti: number;
  hoursCenti: number;
  kMilli: number;
  plannedNormHoursCenti: number;
  normHoursCenti: number;
}

export interface Hours {
  plannedHoursCenti: number;
  hoursCenti: number;
  plannedNormHoursCenti: number;
  normHoursCenti: number;
}

export interface StatementStage extends Money, Hours {
  entryId: number;
  n: number | null;
  title: string;
  date: string;
  items: StatementItem[];
}

export interface StatementOrder extends Money, Hours {
  orderId: number | null;
  orderNumber: string | null;
  stages: StatementStage[];
}

export interface CorrectedRef {
  entryId: number;
  date: string;
  kind: LedgerKind;
  memo: string;
}

export interface StatementCorrection extends Money {
  entryId: number;
  date: string;
  memo: string;
  corrects: CorrectedRef | null;
  normHoursCenti: number;
}

export interface Statement {
  month: string;
  timeZone: string;
  currency: string;
  generatedAt: string;
  /** Whether the month is closed: its figures are final. */
  closed: boolean;
  company: { name: string; details: string };
  customer: { id: number; name: string; legalName: string; taxId: string; address: string };
  openingCenti: number;
  closingCenti: number;
  topups: StatementTopup[];
  /** Debits of work orders, then debits of nothing (crowdfunding pledges) under `orderId: null`. */
  orders: StatementOrder[];
  corrections: StatementCorrection[];
  totals: {
    topupsCenti: number;
    topupsMinor: number;
    debits: Money & Hours;
    correctionsCenti: number;
    /** The money of the corrections that reverse debits (signed: a refund is positive). */
    corrections: Money;
    /** What the month's services come to: the debits less their reversals (= the report's). */
    services: Money;
  };
}

export interface StatementInput {
  month: string;
  timeZone: string;
  currency: string;
  generatedAt: string;
  closed: boolean;
  company: Statement['company'];
  customer: Statement['customer'];
  consumption: CustomerConsumption;
  /** The entries the month's corrections name (they may lie in earlier months). */
  corrected: ReadonlyMap<number, CorrectedRef>;
}

const ZERO_MONEY: Money = { netMinor: 0, vatMinor: 0, totalMinor: 0 };
const ZERO_HOURS: Hours = { plannedHoursCenti: 0, hoursCenti: 0, plannedNormHoursCenti: 0, normHoursCenti: 0 };
const add = <T extends object>(a: T, b: T): T =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (v as number) + (b[k as keyof T] as number)])) as T;
const flip = (e: Pick<ConsumptionEntry, 'netMinor' | 'vatMinor' | 'totalMinor'>): Money => ({
  netMinor: -e.netMinor,
  vatMinor: -e.vatMinor,
  totalMinor: -e.totalMinor,
});
const moneyOfRow = (m: Money): Money => ({ netMinor: m.netMinor, vatMinor: m.vatMinor, totalMinor: m.totalMinor });
const hoursOfRow = (h: Hours): Hours => ({
  plannedHoursCenti: h.plannedHoursCenti,
  hoursCenti: h.hoursCenti,
  plannedNormHoursCenti: h.plannedNormHoursCenti,
  normHoursCenti: h.normHoursCenti,
});

function stageOf(rows: readonly ConsumptionEntry[]): StatementStage {
  const first = rows[0]!;
  const items: StatementItem[] = rows
    .filter((r) => r.code !== null || r.title !== null)
    .map((r) => ({
      code: r.code ?? '',
      title: r.title ?? '',
      categoryName: r.categoryName ?? '',
      plannedHoursCenti: r.plannedHoursCenti ?? r.hoursCenti ?? 0,
      hoursCenti: r.hoursCenti ?? 0,
      kMilli: r.kMilli ?? 0,
      plannedNormHoursCenti: r.plannedNormHoursCenti ?? -r.normHoursCenti,
      normHoursCenti: -r.normHoursCenti,
      ...flip(r),
    }));
  const money = rows.reduce((m, r) => add(m, flip(r)), ZERO_MONEY);
  const hours = items.length
    ? items.reduce((h, i) => add(h, hoursOfRow(i)), ZERO_HOURS)
    : { plannedHoursCenti: 0, hoursCenti: 0, plannedNormHoursCenti: -first.normHoursCenti, normHoursCenti: -first.normHoursCenti };
  return { entryId: first.entryId, n: first.stageN, title: first.stageTitle ?? first.memo, date: first.date, items, ...money, ...hours };
}

export function buildStatement(input: StatementInput): Statement {
  const c = input.consumption;
  const topups: StatementTopup[] = [];
  const corrections: StatementCorrection[] = [];
  const debitRows = new Map<number, ConsumptionEntry[]>();
  for (const e of c.entries) {
    if (e.kind === 'topup') {
      topups.push({
        entryId: e.entryId,
        date: e.date,
        topupKind: e.topupKind,
        paymentRef: e.paymentRef,
        invoiceNumber: e.invoiceNumber,
        memo: e.memo,
        normHoursCenti: e.normHoursCenti,
        rateMinor: e.rateMinor,
        netMinor: e.netMinor,
        vatMinor: e.vatMinor,
        totalMinor: e.totalMinor,
      });
    } else if (e.kind === 'debit') debitRows.set(e.entryId, [...(debitRows.get(e.entryId) ?? []), e]);
    else {
      const named = e.correctsEntryId === null ? null : (input.corrected.get(e.correctsEntryId) ?? null);
      corrections.push({
        entryId: e.entryId,
        date: e.date,
        memo: e.memo,
        corrects: named,
        normHoursCenti: e.normHoursCenti,
        netMinor: e.netMinor,
        vatMinor: e.vatMinor,
        totalMinor: e.totalMinor,
      });
    }
  }
  const orders = new Map<string, StatementOrder>();
  for (const rows of debitRows.values()) {
    const stage = stageOf(rows);
    const key = rows[0]!.orderId === null ? 'none' : String(rows[0]!.orderId);
    const order = orders.get(key) ?? {
      orderId: rows[0]!.orderId,
      orderNumber: rows[0]!.orderNumber,
      stages: [],
      ...ZERO_MONEY,
      ...ZERO_HOURS,
    };
    order.stages.push(stage);
    Object.assign(order, add(moneyOfRow(order), moneyOfRow(stage)), add(hoursOfRow(order), hoursOfRow(stage)));
    orders.set(key, order);
  }
  const ordered = [...orders.values()].sort((a, b) =>
    a.orderId === null ? 1 : b.orderId === null ? -1 : (a.orderNumber ?? '').localeCompare(b.orderNumber ?? ''),
  );
  const debits = ordered.reduce((t, o) => ({ ...add(moneyOfRow(t), moneyOfRow(o)), ...add(hoursOfRow(t), hoursOfRow(o)) }), {
    ...ZERO_MONEY,
    ...ZERO_HOURS,
  });
  const correctionMoney = c.entries
    .filter((e) => e.kind === 'correction' && moneyOf(e) === 'services')
    .reduce((m, e) => add(m, moneyOfRow(e)), ZERO_MONEY);
  return {
    month: input.month,
    timeZone: input.timeZone,
    currency: input.currency,
    generatedAt: input.generatedAt,
    closed: input.closed,
    company: input.company,
    customer: input.customer,
    openingCenti: c.openingCenti,
    closingCenti: c.closingCenti,
    topups,
    orders: ordered,
    corrections,
    totals: {
      topupsCenti: c.topupsCenti,
      topupsMinor: c.topupsMinor,
      debits,
      correctionsCenti: c.correctionsCenti,
      corrections: correctionMoney,
      services: { netMinor: c.netMinor, vatMinor: c.vatMinor, totalMinor: c.totalMinor },
    },
  };
}
