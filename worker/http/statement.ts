/**
 * A customer's month statement («выписка» / «акт»), built from the month report's figures
 * (domain/statement.ts): for staff (routes/statements.ts) and for the customer's account alike.
 */
import type { Context } from 'hono';
import { localDate } from '../domain/calendar';
import type { Lang } from '../domain/format';
import { buildStatement, type CorrectedRef } from '../domain/statement';
import { XLSX_TYPE } from '../excel/cells';
import { consumptionRefusal } from '../excel/consumption';
import { statementFileName } from '../excel/filename';
import { statementWorkbook } from '../excel/statement';
import { renderStatementPdf } from '../pdf/statement';
import type { Db } from '../store/db';
import { entryRefs } from '../store/ledger';
import { consumptionReport } from '../store/reports';
import type { AppEnv } from './auth';
import { fileBody, PDF_TYPE } from './documents';
import { unprocessable } from './errors';
import { reportMonth } from './lookups';

export async function statementOf(db: Db, customerId: number, month: string) {
  const { settings, range, closed, customer } = await reportMonth(db, month, customerId);
  const report = await consumptionReport(db, month, range, settings, closed, customerId);
  const consumption = report.customers[0]!;
  const refused = consumptionRefusal(report);
  if (refused) throw unprocessable(refused.code, refused.text, refused.details);
  const named = consumption.entries.map((e) => e.correctsEntryId).filter((id): id is number => id !== null);
  const refs = await entryRefs(db, named);
  const corrected = new Map<number, CorrectedRef>(
    refs
      .filter((r) => r.customerId === customerId)
      .map((r) => [r.entryId, { entryId: r.entryId, date: localDate(Date.parse(r.at), settings.timeZone), kind: r.kind, memo: r.memo }]),
  );
  const c0 = customer!;
  return buildStatement({
    month,
    timeZone: settings.timeZone,
    currency: settings.currency,
    generatedAt: report.generatedAt,
    closed,
    company: { name: settings.companyName, details: settings.companyDetails },
    customer: { id: c0.id, name: c0.name, legalName: c0.legalName, taxId: c0.taxId, address: c0.address },
    consumption,
    corrected,
  });
}

/** The statement as the file a person downloads — Excel or PDF, named alike — for staff and the customer's account. */
export async function statementFile(c: Context<AppEnv>, s: Awaited<ReturnType<typeof statementOf>>, lang: Lang, format: 'xlsx' | 'pdf') {
  const name = statementFileName(s.month, s.customer.name, lang, format);
  if (format === 'pdf') return fileBody(c, await renderStatementPdf(s, lang), PDF_TYPE, name);
  return fileBody(c, await statementWorkbook(s, lang), XLSX_TYPE, name);
}
