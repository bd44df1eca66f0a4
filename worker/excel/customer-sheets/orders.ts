/** The customer's work orders, with what their stages quoted and debited, and the stages themselves. */
import { formatFixed } from '../../domain/format';
import { ORDER_STATUS_WORDS, STAGE_STATUS_WORDS } from '../../domain/words/statuses';
import type { CustomerExport } from '../../store/customer-export';
import type { ListSheet } from '../table';
import { groupBy, type CustomerBook } from './book';

type OrderRow = CustomerExport['orders'][number];
type StageRow = CustomerExport['stages'][number];

export function orderSheets(b: CustomerBook): { orders: ListSheet; stages: ListSheet } {
  const { doc, lang, w, list, named, date } = b;
  const stagesOf = groupBy(doc.stages, (s) => s.orderId);
  /** A figure of the order's stages added up. */
  const ofStages = (o: OrderRow, figure: (s: StageRow) => number | null) =>
    (stagesOf.get(o.id) ?? []).reduce((n, s) => n + (figure(s) ?? 0), 0);
  const orders = list.list<OrderRow>({
    sheet: w('ordersSheet'),
    table: 'WorkOrders',
    title: w('ordersSheet'),
    rows: doc.orders,
    totals: true,
    cols: [
      { key: 'number', head: w('number'), kind: 'text', width: [12, 14], get: (o) => o.number },
      { key: 'quote', head: w('quote'), kind: 'text', width: [12, 16], get: (o) => b.quoteNumber(o.quoteId) },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 16], get: (o) => named(ORDER_STATUS_WORDS, o.status) },
      { key: 'approved', head: w('approved'), kind: 'date', width: [11, 11], get: (o) => date(o.approvedAt) },
      { key: 'started', head: w('started'), kind: 'date', width: [11, 11], get: (o) => date(o.startedAt) },
      { key: 'finished', head: w('finished'), kind: 'date', width: [11, 11], get: (o) => date(o.finishedAt) },
      { key: 'withdrawn', head: w('withdrawn'), kind: 'date', width: [11, 11], get: (o) => date(o.withdrawnAt) },
      { key: 'rate', head: w('rateColumn'), kind: 'money', width: [11, 14], currency: (o) => o.currency, get: (o) => o.rateMinor },
      { key: 'stages', head: w('stagesCount'), kind: 'int', width: [7, 8], get: (o) => stagesOf.get(o.id)?.length ?? 0 },
      {
        key: 'estimate',
        head: w('quotedNormHours'),
        kind: 'hours',
        width: [11, 13],
        sum: true,
        get: (o) => ofStages(o, (s) => s.normHoursCenti),
      },
      {
        key: 'debited',
        head: w('debitedNormHours'),
        kind: 'hours',
        width: [11, 13],
        sum: true,
        get: (o) => ofStages(o, (s) => s.debitedCenti),
      },
      {
        key: 'money',
        head: w('debitedMoney'),
        kind: 'money',
        width: [12, 16],
        sum: true,
        currency: (o) => o.currency,
        get: (o) => ofStages(o, (s) => s.moneyMinor),
      },
    ],
  });

  const stageLinesOf = groupBy(doc.stageLines, (sl) => sl.stageId);
  /** The quote lines a stage holds; with the actual hours of an actual-time service. */
  const composition = (s: StageRow) =>
    (stageLinesOf.get(s.id) ?? [])
      .map((sl) => {
        const line = b.lineById.get(sl.lineId);
        const name = line ? [line.code, line.title].filter(Boolean).join(' ') : `#${sl.lineId}`;
        return sl.actualHoursCenti === null
          ? name
          : `${name} (${w('actualShort')} ${formatFixed(sl.actualHoursCenti, 2, lang)} ${w('hourUnit')})`;
      })
      .join('\n');
  const stages = list.list<StageRow>({
    sheet: w('stagesSheet'),
    table: 'Stages',
    title: w('stagesTitle'),
    rows: doc.stages,
    totals: true,
    cols: [
      { key: 'order', head: w('order'), kind: 'text', width: [12, 14], get: (s) => b.orderById.get(s.orderId)?.number ?? '' },
      { key: 'n', head: w('numberSign'), kind: 'int', width: [4, 5], get: (s) => s.n },
      { key: 'title', head: w('stage'), kind: 'wrap', width: [16, 28], get: (s) => s.title },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 16], get: (s) => named(STAGE_STATUS_WORDS, s.status) },
      { key: 'hours', head: w('quotedHours'), kind: 'hours', width: [9, 11], sum: true, get: (s) => s.hoursCenti },
      { key: 'normHours', head: w('quotedNormHours'), kind: 'hours', width: [11, 13], sum: true, get: (s) => s.normHoursCenti },
      { key: 'debited', head: w('debitedNormHours'), kind: 'hours', width: [11, 13], sum: true, get: (s) => s.debitedCenti },
      {
        key: 'money',
        head: w('debitedMoney'),
        kind: 'money',
        width: [12, 16],
        sum: true,
        currency: (s) => b.orderCurrency(s.orderId),
        get: (s) => s.moneyMinor,
      },
      { key: 'accepted', head: w('accepted'), kind: 'date', width: [11, 11], get: (s) => date(s.acceptedAt) },
      { key: 'lines', head: w('stageLines'), kind: 'wrap', width: [20, 40], get: composition },
    ],
  });
  return { orders, stages };
}
