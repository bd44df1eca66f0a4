/**
 * Prepayment invoices («счёт на оплату»): N norm-hours at the rate of the day, VAT as the
 * installation has it (DOMAIN.md's rounding: VAT on top = ROUND(net × r, 2), included =
 * ROUND(net × r / (1 + r), 2)), numbered INV-YYYY-NNNN. A top-up later settles it, once: the
 * invoice fixes that top-up's norm-hours and money.
 */
import { hoursMoney, type MoneyFigures } from './debit-money';
import type { InvoiceStatus, VatMode } from './enums';
import type { Lifecycle } from './lifecycle';
import { decided, fieldRefusal, refusal, refused, type Decided } from './refusal';
import { ACCOUNTING_REFUSAL_WORDS as W } from './words/accounting';
import { INVOICE_STATUS_WORDS } from './words/statuses';
import { both, bothOf } from './words/words';

export type InvoiceAction = 'settle' | 'cancel';

export const INVOICE_LIFECYCLE: Lifecycle<InvoiceStatus, InvoiceAction> = {
  settle: { from: ['issued'], to: 'paid' },
  cancel: { from: ['issued'], to: 'cancelled' },
};

export interface InvoiceTerms {
  rateMinor: number;
  vatMode: VatMode;
  vatRateMilli: number;
}

/** The invoice's money for N norm-hours: subtotal at the rate, VAT, total (no discount). */
export function invoiceMoney(normHoursCenti: number, t: InvoiceTerms): MoneyFigures {
  return hoursMoney(normHoursCenti, t);
}

export interface InvoiceFacts {
  number: string;
  customerId: number;
  status: InvoiceStatus;
}

/** A top-up may settle an invoice of the same customer that is still issued; it then sets the amounts. */
export function settlementRule(
  invoice: InvoiceFacts,
  customerId: number,
  given: { normHoursCenti?: number; amountMinor?: number },
): Decided<null> {
  if (invoice.customerId !== customerId)
    return refused(
      fieldRefusal(
        'invoiceId',
        bothOf(W.invoiceOtherCustomer, () => ({ number: invoice.number })),
      ),
    );
  if (given.normHoursCenti !== undefined || given.amountMinor !== undefined)
    return refused(fieldRefusal('invoiceId', both(W.invoiceFixesAmount)));
  return invoiceMay(invoice, 'settle');
}

/** Whether the invoice's state lets `action` happen (409 invoice_not_issued otherwise). */
export function invoiceMay(invoice: InvoiceFacts, action: InvoiceAction): Decided<null> {
  if (INVOICE_LIFECYCLE[action].from.includes(invoice.status)) return decided(null);
  const [ru, en] = INVOICE_STATUS_WORDS[invoice.status];
  const text = bothOf(W.invoiceNotIssued, () => ({ number: invoice.number, status: ru.toLowerCase(), statusEn: en.toLowerCase() }));
  return refused(refusal(409, `invoice_${invoice.status}`, text, { status: invoice.status }));
}

/** The money of the top-up that settles an invoice: exactly the invoice's. */
export function settlementMoney(i: InvoiceTerms & { subtotalMinor: number; vatMinor: number; totalMinor: number }) {
  return {
    subtotalMinor: i.subtotalMinor,
    discountMinor: 0,
    netMinor: i.subtotalMinor,
    vatMinor: i.vatMinor,
    totalMinor: i.totalMinor,
    rateMinor: i.rateMinor,
    discountRateMilli: 0,
    vatMode: i.vatMode,
    vatRateMilli: i.vatRateMilli,
  };
}
