/**
 * The customer's norm-hour ledger — every entry, the running balance as a formula, the totals
 * and the balance under them — and each debit itemised by quote line.
 */
import { runningBalances } from '../../domain/consumption';
import { LEDGER_KIND_WORDS, TOPUP_KIND_WORDS } from '../../domain/words/kinds';
import type { CustomerExport } from '../../store/customer-export';
import { CLOSING_RULES, HOURS_FORMAT, colLetter, fromCenti, setFormula, setText } from '../cells';
import type { ListSheet } from '../table';
import { groupBy, type CustomerBook } from './book';

type EntryRow = CustomerExport['ledger'][number];
type ItemRow = CustomerExport['debitItems'][number];

export interface LedgerSheets {
  ledger: ListSheet;
  items: ListSheet;
  /** The cell under the ledger that holds the balance, and the balance. */
  balanceCell: string;
  balanceCenti: number;
}

export function ledgerSheets(b: CustomerBook): LedgerSheets {
  const { doc, w, list, named, date } = b;
  const itemsOf = groupBy(doc.debitItems, (i) => i.entryId);
  /** The memo; for a stage's debit the services it paid for instead of the memo that repeats the order and stage. */
  const entryContent = (e: EntryRow) => {
    const order = e.orderId !== null ? b.orderById.get(e.orderId) : undefined;
    const stage = e.stageId !== null ? b.stageById.get(e.stageId) : undefined;
    const memo = e.memo.trim();
    if (e.kind === 'debit' && stage && (!memo || memo === `${order?.number ?? ''} · ${stage.n}. ${stage.title}`.slice(0, 500))) {
      return (itemsOf.get(e.id) ?? []).map((i) => [i.code, i.title].filter(Boolean).join(' ')).join('\n');
    }
    if (e.pledgeId !== null && !memo) {
      const pledge = b.pledgeById.get(e.pledgeId);
      const project = pledge ? b.projectById.get(pledge.projectId) : undefined;
      return project ? `${w('pledgeTo')} ${project.code} «${project.title}»` : w('pledgeTo');
    }
    return memo;
  };
  const entryKind = (e: EntryRow) => {
    const kind = named(LEDGER_KIND_WORDS, e.kind);
    return e.kind === 'topup' && e.topupKind ? `${kind} (${named(TOPUP_KIND_WORDS, e.topupKind)})` : kind;
  };
  const balances = runningBalances(0, doc.ledger);
  const runningAfter = new Map(doc.ledger.map((e, i) => [e.id, balances[i]!]));
  const balanceCenti = balances.at(-1) ?? 0;
  const firstEntryId = doc.ledger[0]?.id;
  const ledger = list.list<EntryRow>({
    sheet: w('ledgerSheet'),
    table: 'Ledger',
    title: w('ledgerTitle'),
    rows: doc.ledger,
    totals: true,
    cols: [
      { key: 'id', head: w('entryNo'), kind: 'int', width: [7, 9], get: (e) => e.id },
      { key: 'date', head: w('date'), kind: 'date', width: [11, 11], get: (e) => date(e.at) },
      { key: 'kind', head: w('operation'), kind: 'wrap', width: [12, 18], get: entryKind },
      {
        key: 'order',
        head: w('order'),
        kind: 'text',
        width: [10, 14],
        get: (e) => (e.orderId !== null ? (b.orderById.get(e.orderId)?.number ?? `#${e.orderId}`) : ''),
      },
      { key: 'stage', head: w('stage'), kind: 'wrap', width: [10, 18], get: (e) => b.stageText(e.stageId) },
      { key: 'content', head: w('content'), kind: 'wrap', width: [18, 30], get: entryContent },
      {
        key: 'topup',
        head: w('topupColumn'),
        kind: 'hours',
        width: [11, 13],
        sum: true,
        get: (e) => (e.kind === 'topup' ? e.normHoursCenti : null),
      },
      {
        key: 'debit',
        head: w('debitColumn'),
        kind: 'hours',
        width: [11, 13],
        sum: true,
        get: (e) => (e.kind === 'debit' ? -e.normHoursCenti : null),
      },
      {
        key: 'correction',
        head: w('correctionColumn'),
        kind: 'hours',
        width: [13, 15],
        sum: true,
        get: (e) => (e.kind === 'correction' ? e.normHoursCenti : null),
      },
      {
        key: 'balance',
        head: w('runningColumn'),
        kind: 'hours',
        width: [11, 13],
        get: (e, ref) => {
          const change = `${ref('topup')}-${ref('debit')}+${ref('correction')}`;
          return { formula: e.id === firstEntryId ? change : `${ref('balance', -1)}+${change}`, result: runningAfter.get(e.id)! };
        },
      },
      {
        key: 'money',
        head: w('debitedMoney'),
        kind: 'money',
        width: [12, 16],
        sum: true,
        currency: (e) => b.orderCurrency(e.orderId),
        get: (e) => (e.moneyMinor !== 0 ? -e.moneyMinor : null),
      },
      {
        key: 'rate',
        head: w('rateColumn'),
        kind: 'money',
        width: [11, 14],
        currency: (e) => b.orderCurrency(e.orderId),
        get: (e) => e.rateMinor,
      },
      { key: 'corrects', head: w('corrects'), kind: 'int', width: [9, 11], get: (e) => e.correctsEntryId },
    ],
  });
  // The balance: top-ups − debits + corrections, which the last running balance shows too.
  const BAL_ROW = ledger.totalRow + 1;
  const ws = ledger.ws;
  const balanceColumn = ledger.column('balance');
  ws.mergeCells(`A${BAL_ROW}:${colLetter(balanceColumn - 1)}${BAL_ROW}`);
  setText(ws.getCell(`A${BAL_ROW}`), w('balance'), list.st.text({ bold: true, h: 'right' }));
  const [TU, DE, CO] = ['topup', 'debit', 'correction'].map((k) => `${ledger.letter(k)}${ledger.totalRow}`);
  const balanceCell = `${colLetter(balanceColumn)}${BAL_ROW}`;
  setFormula(
    ws.getCell(balanceCell),
    `${TU}-${DE}+${CO}`,
    fromCenti(balanceCenti),
    list.st.get({ numFmt: HOURS_FORMAT, bold: true, border: CLOSING_RULES }),
  );
  ws.getRow(BAL_ROW).height = 18;

  const entryOf = (i: ItemRow) => b.entryById.get(i.entryId);
  const items = list.list<ItemRow>({
    sheet: w('itemsSheet'),
    table: 'DebitItems',
    title: w('itemsTitle'),
    rows: doc.debitItems,
    totals: true,
    cols: [
      { key: 'entry', head: w('entryNo'), kind: 'int', width: [7, 9], get: (i) => i.entryId },
      { key: 'date', head: w('date'), kind: 'date', width: [11, 11], get: (i) => date(entryOf(i)?.at ?? null) },
      {
        key: 'order',
        head: w('order'),
        kind: 'text',
        width: [10, 14],
        get: (i) => b.orderById.get(entryOf(i)?.orderId ?? -1)?.number ?? '',
      },
      { key: 'stage', head: w('stage'), kind: 'wrap', width: [10, 20], get: (i) => b.stageText(entryOf(i)?.stageId ?? null) },
      { key: 'code', head: w('code'), kind: 'text', width: [6, 10], get: (i) => i.code },
      { key: 'service', head: w('service'), kind: 'wrap', width: [20, 36], get: (i) => i.title },
      { key: 'category', head: w('specialist'), kind: 'wrap', width: [10, 18], get: (i) => i.categoryName },
      { key: 'hours', head: w('hours'), kind: 'hours', width: [7, 10], get: (i) => i.hoursCenti },
      { key: 'k', head: w('k'), kind: 'milli', width: [5, 6], get: (i) => i.kMilli },
      // stored signed like the ledger: a debit is negative
      { key: 'normHours', head: w('normHours'), kind: 'hours', width: [10, 12], sum: true, get: (i) => -i.normHoursCenti },
      {
        key: 'money',
        head: w('amount'),
        kind: 'money',
        width: [12, 16],
        sum: true,
        currency: (i) => b.orderCurrency(entryOf(i)?.orderId ?? null),
        get: (i) => -i.moneyMinor,
      },
    ],
  });
  return { ledger, items, balanceCell, balanceCenti };
}
