/**
 * Prepayment invoices: numbered INV-YYYY-NNNN from a gap-free counter in the batch that writes
 * the invoice; settled by a top-up (store/ledger.ts marks it paid in the top-up's batch) or
 * cancelled while still issued.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { customers, invoices, ledgerEntries } from '../../schema/tables';
import type { MoneyFigures } from '../domain/debit-money';
import type { InvoiceTerms } from '../domain/invoice';
import { INVOICE_LIFECYCLE } from '../domain/invoice';
import { randomToken } from '../platform/secrets';
import { batch, changed, raw, type Db } from './db';
import { allowedBy } from './guards';
import { claimInsert, type Claim } from './idempotency';

export type InvoiceRow = typeof invoices.$inferSelect;

export interface NewInvoice {
  customerId: number;
  year: number;
  issuedOn: string;
  normHoursCenti: number;
  terms: InvoiceTerms;
  money: MoneyFigures;
  currency: string;
  memo: string;
  userId: number;
}

/** Writes the invoice with the next number of its year; its id (null when the customer is gone). */
export async function createInvoice(db: Db, n: NewInvoice, claim: Claim | null): Promise<number | null> {
  const token = randomToken(12);
  const counter = `invoice:${n.year}`;
  const customer = sql`exists (select 1 from customers where id = ${n.customerId})`;
  const created = sql`exists (select 1 from invoices where create_token = ${token})`;
  const results = await batch(db, [
    raw(sql`insert into counters (name, value) select ${counter}, 1 where ${customer} on conflict(name) do update set value = value + 1`),
    raw(sql`insert into invoices (number, customer_id, status, issued_on, norm_hours_centi, rate_minor, currency, subtotal_minor, vat_mode,
      vat_rate_milli, vat_minor, total_minor,
                  memo, created_at, created_by, create_token)
                select ${`INV-${n.year}-`} || printf('%04d', c.value), ${n.customerId}, ${
                  'issued' satisfies InvoiceRow['status']
                }, ${n.issuedOn}, ${n.normHoursCenti},
                  ${n.terms.rateMinor}, ${n.currency}, ${n.money.subtotalMinor}, ${n.terms.vatMode}, ${n.terms.vatRateMilli},
                    ${n.money.vatMinor}, ${n.money.totalMinor},
                  ${n.memo}, ${new Date().toISOString()}, ${n.userId}, ${token}
                from counters c where c.name = ${counter} and ${customer}`),
    ...(claim ? [claimInsert(claim, sql`json_object('invoiceId', (select id from invoices where create_token = ${token}))`, created)] : []),
    db.select({ id: invoices.id }).from(invoices).where(eq(invoices.createToken, token)),
  ]);
  return (results[results.length - 1] as { id: number }[])[0]?.id ?? null;
}

const invoiceColumns = {
  i: invoices,
  customerName: customers.name,
  paymentRef: sql<string | null>`${ledgerEntries.paymentRef}`.as('payment_ref'),
  paidOn: sql<string | null>`${ledgerEntries.at}`.as('paid_on'),
};

function invoiceView(r: { i: InvoiceRow; customerName: string; paymentRef: string | null; paidOn: string | null }) {
  const { createToken: _t, createdBy: _b, ...i } = r.i;
  return { ...i, customerName: r.customerName, paymentRef: r.paymentRef, paidEntryAt: r.paidOn };
}

export type InvoiceView = ReturnType<typeof invoiceView>;

function invoicesQuery(db: Db) {
  return db
    .select(invoiceColumns)
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(ledgerEntries, eq(ledgerEntries.id, invoices.paidEntryId));
}

export async function getInvoice(db: Db, id: number): Promise<InvoiceView | null> {
  const [row] = await invoicesQuery(db).where(eq(invoices.id, id));
  return row ? invoiceView(row) : null;
}

export async function listInvoices(db: Db, customerId?: number, limit = 200): Promise<InvoiceView[]> {
  const rows = await invoicesQuery(db)
    .where(customerId ? eq(invoices.customerId, customerId) : undefined)
    .orderBy(desc(invoices.id))
    .limit(limit);
  return rows.map(invoiceView);
}

/**
 * Cancels an invoice still issued; false when it is paid or cancelled already. The claim comes
 * first, guarded by the invoice still being issued; the status changes last (as withdrawOrder).
 */
export async function cancelInvoice(db: Db, id: number, claim: Claim | null): Promise<boolean> {
  const issued = sql`exists (select 1 from invoices where id = ${id} and ${allowedBy(INVOICE_LIFECYCLE, 'cancel', sql`status`)})`;
  const results = await batch(db, [
    ...(claim ? [claimInsert(claim, sql`json_object('invoiceId', ${id})`, issued)] : []),
    raw(sql`update invoices set status = ${INVOICE_LIFECYCLE.cancel.to}, cancelled_at = ${new Date().toISOString()}, version = version + 1
                where id = ${id} and ${allowedBy(INVOICE_LIFECYCLE, 'cancel', sql`status`)}`),
  ]);
  return changed(results[results.length - 1]) > 0;
}
