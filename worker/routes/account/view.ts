/**
 * The customer's account as the API answers it and the page shows it — all of it the customer's
 * own; the link that opens it is http/links.ts's.
 */
import { accountStageStatus, coverage, customerMayWithdraw, dataAvailableUntil, ledgerByMonth } from '../../domain/account';
import { localDate } from '../../domain/calendar';
import { normHoursAmountMinor } from '../../domain/pricing';
import type { OpenedAccount } from '../../http/links';
import { accountReads } from '../../store/account';
import type { Db } from '../../store/db';
import { customerQueue } from '../../store/order-queue';
import { listOrders } from '../../store/orders';
import { listCustomerRequests } from '../../store/requests';
import { getSettings } from '../../store/settings';

/** The account as the API answers it (GET /api/account/:token) and the page shows it. */
export async function accountView(db: Db, opened: OpenedAccount, token: string, origin: string) {
  const { customer, link } = opened;
  const settings = await getSettings(db);
  const today = localDate(Date.now(), settings.timeZone);
  const [orders, reads, queue, requests] = await Promise.all([
    listOrders(db, { customerId: customer.id }),
    accountReads(db, customer.id, today),
    customerQueue(db, customer.id),
    listCustomerRequests(db, customer.id),
  ]);
  const cover = coverage(customer.balanceCenti, customer.overdraftCenti, queue?.orders ?? []);
  const numberOf = new Map(orders.map((o) => [o.id, o.number]));
  const base = `${origin}/api/account/${token}`;
  return {
    customer: {
      name: customer.name,
      lang: customer.lang,
      serviceEndsOn: customer.serviceEndsOn,
      dataAvailableUntil: dataAvailableUntil(customer.serviceEndsOn),
    },
    balanceCenti: customer.balanceCenti,
    overdraftCenti: customer.overdraftCenti,
    availableCenti: customer.balanceCenti + customer.overdraftCenti,
    rateMinor: settings.rateMinor,
    currency: settings.currency,
    balanceMoneyMinor: normHoursAmountMinor(customer.balanceCenti, settings.rateMinor),
    covers: {
      orders: cover.coveredOrders.map((id) => numberOf.get(id) ?? String(id)),
      short: cover.shortOrder
        ? {
            order: numberOf.get(cover.shortOrder.orderId) ?? '',
            needCenti: cover.shortOrder.needCenti,
            shortCenti: cover.shortOrder.shortCenti,
          }
        : null,
    },
    quotes: reads.openQuotes.map((q) => ({
      number: q.number,
      title: q.title,
      status: q.status,
      validUntil: q.validUntil,
      url: `${origin}/a/${token}/quotes/${q.id}`,
    })),
    orders: [...orders].reverse().map((o) => ({
      id: o.id,
      number: o.number,
      title: o.quoteTitle,
      status: o.status,
      queuePosition: reads.queue.get(o.id) ?? null,
      canWithdraw: customerMayWithdraw(o),
      stages: o.stages.map((s) => ({
        n: s.n,
        title: s.title,
        status: accountStageStatus(s),
        normHoursCenti: s.normHoursCenti,
        debitedCenti: s.debitedCenti,
        actualTime: s.lines.some((l) => l.actualTime),
        readyAt: s.readyAt,
        acceptedAt: s.acceptedAt,
      })),
    })),
    ledger: ledgerByMonth(reads.entries, settings.timeZone).map((m) => ({
      ...m,
      statement: { xlsx: `${base}/statement.xlsx?month=${m.month}`, pdf: `${base}/statement.pdf?month=${m.month}` },
    })),
    /** The customer's service requests, newest first, with staff answers (no SLA level or internal field). */
    requests,
    linkExpiresAt: link.expiresAt,
  };
}

export type AccountView = Awaited<ReturnType<typeof accountView>>;
