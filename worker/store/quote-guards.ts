/**
 * SQL guards of quote writes, generated from the domain's QUOTE_LIFECYCLE. The table speaks of
 * the status a reader sees; `expired` is stored as `sent` with a validity date in the past, so
 * a guard that allows one of them and not the other compares the date with `today`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { QuoteStatus } from '../domain/enums';
import { QUOTE_LIFECYCLE, type QuoteAction } from '../domain/quote-lifecycle';
import { inStates } from './guards';

const column = (alias: string, name: string) => sql.raw(alias ? `${alias}.${name}` : name);

/** True in SQL exactly when `status` is the quote's effective status (today's date decides `expired`). */
export function quoteStatusIs(status: QuoteStatus, today: string, alias = ''): SQL {
  const stored = column(alias, 'status');
  const validUntil = column(alias, 'valid_until');
  if (status === 'expired') return sql`(${stored} = 'sent' and ${validUntil} < ${today})`;
  if (status === 'sent') return sql`(${stored} = 'sent' and (${validUntil} is null or ${validUntil} >= ${today}))`;
  return sql`${stored} = ${status}`;
}

/**
 * True in SQL exactly when QUOTE_LIFECYCLE lets `action` start from the quote's effective status.
 * `today` is needed only by actions that allow one of sent/expired and not the other.
 */
export function quoteMay(action: QuoteAction, today: string | null, alias = ''): SQL {
  const from = QUOTE_LIFECYCLE[action].from;
  const sent = from.includes('sent');
  const expired = from.includes('expired');
  const stored = [...new Set(from.map((s) => (s === 'expired' ? 'sent' : s)))];
  const guard = inStates(column(alias, 'status'), stored);
  if (sent === expired) return sql`(${guard})`;
  if (today === null) throw new Error(`quoteMay('${action}') needs today's date`);
  const statusColumn = column(alias, 'status');
  const validUntil = column(alias, 'valid_until');
  return sent
    ? sql`(${guard} and (${statusColumn} <> 'sent' or ${validUntil} is null or ${validUntil} >= ${today}))`
    : sql`(${guard} and (${statusColumn} <> 'sent' or ${validUntil} < ${today}))`;
}

/**
 * A guarded write's condition: the quote is still at the version the client saw, and in a status
 * `action` may start from. `today` as for quoteMay.
 */
export function quoteWritable(version: number, action: QuoteAction, today: string | null, alias = ''): SQL {
  return sql`${column(alias, 'version')} = ${version} and ${quoteMay(action, today, alias)}`;
}
