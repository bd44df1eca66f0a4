/**
 * A year of demo history for `npm start`: accepted quotes turned into work orders, stages signed
 * off month by month with their debits, top-ups paid with payment orders, an invoice paid and one
 * waiting, crowdfunding pledges, and quotes and orders in every state the screens show (a draft, a
 * sent one, changes requested, a running and a paused order), and service requests in the inbox. It obeys every rule the API
 * enforces — replayed in time order no balance goes below its overdraft, an order starts only when
 * its first stage is covered, money follows each quote's terms (test/api/demo-history.test.ts) —
 * and the months before the last three are closed. Local demo data only.
 */
import { monthRange, shiftMonth } from '../../worker/domain/calendar';
import { invoiceMoney, settlementMoney } from '../../worker/domain/invoice';
import { reconcile } from '../../worker/domain/ledger';
import { topupPayment } from '../../worker/domain/ledger-entries';
import { DEMO_CUSTOMERS, DEMO_SETTINGS } from './demo';
import { ACCOUNTANT, Book, DAY } from './history-book';
import { quotesAndOrders } from './history-orders';
import { projectsAndPledges } from './history-projects';
import { requestsAndAnswers } from './history-requests';
import { insertSql } from './sql';

type TopupKind = 'tariff' | 'support' | 'contract';

/** Top-ups: [customer, days ago, norm-hours, kind, memo, payment reference]. */
const TOPUPS: [number, number, number, TopupKind, string, string][] = [
  [1, 355, 16_000, 'tariff', 'Тарифный план «Профессиональный», годовое пакетное начисление', 'п/п № 1021 от 12.01'],
  [2, 330, 6_000, 'support', 'Пакет расширенной технической поддержки', 'п/п № 118, счёт № 118'],
  [3, 260, 3_000, 'support', 'Пакет расширенной технической поддержки', 'п/п № 204, счёт № 204'],
  [2, 210, 4_000, 'contract', 'Договор № 45/П на интеграцию', 'п/п № 377 по договору № 45/П'],
  [3, 160, 2_500, 'support', 'Пакет расширенной технической поддержки', 'п/п № 311, счёт № 311'],
  [2, 70, 1_500, 'support', 'Пакет расширенной технической поддержки', 'п/п № 402, счёт № 402'],
  [3, 45, 2_000, 'support', 'Пакет расширенной технической поддержки', 'п/п № 455, счёт № 455'],
  [3, 38, 6_000, 'contract', 'Договор № 77/Р на разработку модуля', 'п/п № 612 по договору № 77/Р'],
  [1, 8, 4_000, 'support', 'Пакет расширенной технической поддержки', 'п/п № 498, счёт № 498'],
];

/** Prepayment invoices: [customer, issued days ago, norm-hours, memo, paid days ago (or null), payment reference]. */
const INVOICES: [number, number, number, string, number | null, string][] = [
  [1, 62, 5_000, 'Нормо-часы на разработку отчёта по успеваемости', 60, 'п/п № 731'],
  [2, 2, 1_000, 'Продолжение обмена данными с 1С', null, ''],
];

/** Closed: every month of the ledger but the last three. */
const OPEN_MONTHS = 3;

export function demoHistorySql(now: Date): string[] {
  const book = new Book(now.getTime());
  const orders = quotesAndOrders(book);
  projectsAndPledges(book);
  requestsAndAnswers(book);
  const vat = { vatMode: DEMO_SETTINGS.vatMode, vatRateMilli: DEMO_SETTINGS.vatRateMilli };

  for (const [customer, age, hours, kind, memo, ref] of TOPUPS) {
    const paid = topupPayment({ normHoursCenti: hours }, DEMO_SETTINGS.rateMinor, vat, DEMO_SETTINGS.currency);
    if (!paid.ok) throw new Error(paid.refusal.en);
    book.entry(book.ago(age), customer, hours, { kind: 'topup', topup_kind: kind, memo, payment_ref: ref }, paid.value.money);
  }
  for (const [customer, issuedAgo, hours, memo, paidAgo, ref] of INVOICES) {
    const issued = book.ago(issuedAgo);
    const y = book.year(issued);
    const id = ++book.ids.invoice;
    const terms = { rateMinor: DEMO_SETTINGS.rateMinor, ...vat };
    const money = invoiceMoney(hours, terms);
    book.row('invoices', {
      id,
      number: `INV-${y}-${String(book.next(`invoice:${y}`)).padStart(4, '0')}`,
      customer_id: customer,
      status: paidAgo === null ? 'issued' : 'paid',
      issued_on: book.date(issued),
      norm_hours_centi: hours,
      rate_minor: terms.rateMinor,
      currency: DEMO_SETTINGS.currency,
      subtotal_minor: money.subtotalMinor,
      vat_mode: terms.vatMode,
      vat_rate_milli: terms.vatRateMilli,
      vat_minor: money.vatMinor,
      total_minor: money.totalMinor,
      memo,
      created_at: book.iso(issued),
      created_by: ACCOUNTANT,
      paid_at: paidAgo === null ? null : book.iso(book.ago(paidAgo)),
    });
    if (paidAgo !== null) {
      const settle = settlementMoney({ ...terms, ...money });
      book.entry(
        book.ago(paidAgo),
        customer,
        hours,
        { kind: 'topup', topup_kind: 'support', memo, payment_ref: ref, invoice_id: id },
        settle,
      );
    }
  }

  // Replayed in time order, no balance goes below its overdraft: the demo obeys the API's rules.
  const ledger = book.sortedLedger();
  const balances = new Map<number, number>();
  for (const e of ledger) {
    const balance = (balances.get(e.customer) ?? 0) + e.centi;
    const overdraft = DEMO_CUSTOMERS[e.customer - 1]!.overdraftCenti;
    if (balance < -overdraft) throw new Error(`demo history: customer ${e.customer} goes to ${balance} on ${book.iso(e.at)}`);
    balances.set(e.customer, balance);
  }

  // The queue as the app would have left it: running, paused for balance, or waiting.
  for (const customer of new Set(orders.map((o) => o.customer))) {
    const mine = orders.filter((o) => o.customer === customer);
    for (const change of reconcile(
      balances.get(customer) ?? 0,
      DEMO_CUSTOMERS[customer - 1]!.overdraftCenti,
      mine.map((o) => o.queue),
    )) {
      const o = mine.find((x) => x.queue.id === change.orderId)!;
      o.row.status = change.to;
      if (change.to === 'in_progress' && !o.row.started_at) o.row.started_at = book.iso(book.now - DAY);
    }
  }
  const out = [...book.out];
  for (const o of orders) out.push(insertSql('orders', o.row));
  out.push(...book.afterOrders);
  ledger.forEach((entry, i) => {
    out.push(...entry.rows(i + 1));
  });
  // A paid invoice names the entry that settled it, now that entries have ids.
  out.push("UPDATE invoices SET paid_entry_id = (SELECT id FROM ledger_entries WHERE invoice_id = invoices.id) WHERE status = 'paid';");
  for (const [name, value] of book.counters) out.push(`INSERT INTO counters (name, value) VALUES ('${name}', ${value});`);

  // The months before the last three are closed, each on the 5th of the month after it.
  const first = book.date(ledger[0]!.at).slice(0, 7);
  const lastClosed = shiftMonth(book.date(book.now).slice(0, 7), -OPEN_MONTHS);
  for (let m = first; m <= lastClosed; m = shiftMonth(m, 1)) {
    const { start, end } = monthRange(m, DEMO_SETTINGS.timeZone);
    out.push(
      insertSql('accounting_periods', {
        month: m,
        status: 'closed',
        start_at: start,
        end_at: end,
        closed_at: book.iso(Date.parse(end) + 4 * DAY),
        closed_by: ACCOUNTANT,
      }),
    );
  }
  return out;
}
