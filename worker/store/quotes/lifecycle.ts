/** Creating a quote, its header, and its lifecycle: send, revise, duplicate, archive, re-price. */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { quoteLines, quotes } from '../../../schema/tables';
import type { QuoteView } from '../../domain/quote';
import { searchText } from '../../domain/search-text';
import { randomToken } from '../../platform/secrets';
import { raw, type BatchItem, type Db } from '../db';
import { quoteMay, quoteWritable } from '../quote-guards';
import { QUOTE_LIFECYCLE, type QuoteStatus } from '../../domain/quote-lifecycle';

/** A new quote or revision starts as a draft. */
const DRAFT: QuoteStatus = 'draft';
import { insertedIds, outboxInsert, type NewMail } from '../outbox';
import { auditInsert, oldNewJson, type Actor } from './audit';
import { applied, byToken, runWrite, type WriteResult } from './read';

// ---------- creating ----------

export interface QuoteHeader {
  title: string;
  currency: string;
  rateMinor: number;
  vatMode: 'none' | 'on_top' | 'included';
  vatRateMilli: number;
  discountRateMilli: number;
  validUntil: string | null;
  customerNote: string;
  internalNote: string;
}

/**
 * A new quote number and its first revision. The per-year counter, the number and the
 * quote are written in one batch, so numbers are sequential, gap-free and never reused,
 * however many managers create quotes at once. Null when the customer does not exist.
 */
export async function createQuote(db: Db, customerId: number, year: number, h: QuoteHeader, actor: Actor): Promise<QuoteView | null> {
  const token = randomToken(12);
  const result = await runWrite(db, createQuoteWrites(customerId, year, h, actor, token, new Date().toISOString()), byToken(token));
  return result.quote;
}

/**
 * The statements that create a quote (for a batch of a larger change, e.g. a quote made from a
 * service request): they write only when `when` holds; `byToken(token)` names the new quote.
 */
export function createQuoteWrites(
  customerId: number,
  year: number,
  h: QuoteHeader,
  actor: Actor,
  token: string,
  now: string,
  when: SQL = sql`1`,
): BatchItem[] {
  const counter = `quote:${year}`;
  const customerExists = sql`exists (select 1 from customers where id = ${customerId}) and ${when}`;
  return [
    raw(sql`insert into counters (name, value) select ${counter}, 1 where ${customerExists}
               on conflict(name) do update set value = value + 1`),
    raw(sql`insert into quote_series (number, year, seq, customer_id, created_at, create_token)
               select ${`Q-${year}-`} || printf('%04d', value), ${year}, value, ${customerId}, ${now}, ${token}
               from counters where name = ${counter} and ${customerExists}`),
    raw(sql`insert into quotes (series_id, revision, number, status, version, write_token, customer_id, title, currency, rate_minor,
                 vat_mode, vat_rate_milli, discount_rate_milli, valid_until, customer_note, internal_note, search_text,
                 created_by, created_at, updated_at)
               select s.id, 1, s.number, ${DRAFT}, 1, ${token}, ${customerId}, ${h.title}, ${h.currency}, ${h.rateMinor},
                 ${h.vatMode}, ${h.vatRateMilli}, ${h.discountRateMilli}, ${h.validUntil}, ${h.customerNote}, ${h.internalNote},
                 lower(s.number) || ' ' || ${searchText(h.title)}, ${actor.userId}, ${now}, ${now}
               from quote_series s where s.create_token = ${token}`),
    auditInsert({
      quoteId: byToken(token),
      action: 'created',
      changes: sql`json_object('title', ${h.title}, 'rateMinor', ${h.rateMinor}, 'vatMode', ${h.vatMode})`,
      actor,
      at: now,
      when: applied(token),
    }),
  ];
}

// ---------- the header ----------

export type HeaderPatch = Partial<Omit<QuoteHeader, 'currency' | 'rateMinor'>> & { customerId?: number };

/** A header field's column, as schema/tables declares it. */
const headerColumn = (field: keyof HeaderPatch) => getTableColumns(quotes)[field].name;

export async function patchHeader(db: Db, id: number, version: number, patch: HeaderPatch, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const changes: Record<string, { column: string; value: unknown }> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value !== undefined) changes[field] = { column: headerColumn(field as keyof HeaderPatch), value };
  }
  const sets = Object.values(changes).map((c) => sql`${sql.raw(c.column)} = ${c.value as string | number | null}`);
  if (patch.title !== undefined) sets.push(sql`search_text = lower(number) || ' ' || ${searchText(patch.title)}`);
  // Only a quote that was never sent may change its customer.
  const customerRule =
    patch.customerId === undefined ? sql`1` : sql`revision = 1 and exists (select 1 from customers where id = ${patch.customerId})`;
  const writes: BatchItem[] = [
    // Old values are read before the guard changes them, under the guard's own conditions,
    // so the audit row exists exactly when the change does.
    auditInsert({
      quoteId: id,
      action: 'updated',
      changes: oldNewJson('q', changes),
      actor,
      at: now,
      when: sql`${quoteWritable(version, 'edit', null, 'q')} and ${customerRule}`,
    }),
    raw(sql`update quotes set ${sql.join(
      [...sets, sql`version = version + 1`, sql`write_token = ${token}`, sql`updated_at = ${now}`],
      sql`,
      `,
    )}
               where id = ${id} and ${quoteWritable(version, 'edit', null)} and ${customerRule}`),
  ];
  if (patch.customerId !== undefined) {
    writes.push(
      raw(sql`update quote_series set customer_id = ${patch.customerId}
                 where id = (select series_id from quotes where id = ${id}) and ${applied(token)}`),
    );
  }
  return runWrite(db, writes, id, 1);
}

// ---------- lifecycle ----------

/**
 * Sends a draft: freezes it, fixes its validity (today + the default days when not set),
 * and marks every earlier revision of the number as replaced. Refused while any line lacks
 * hours, when there is nothing priced, or when a revision of the number was accepted.
 */
export async function sendQuote(
  db: Db,
  id: number,
  version: number,
  validUntilDefault: string,
  today: string,
  actor: Actor,
  mail: NewMail | null = null,
): Promise<WriteResult & { mailIds: number[] }> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  // The e-mail to the customer is written with the send itself: both happen, or neither.
  const mailWrites = mail ? [outboxInsert(mail, applied(token))] : [];
  const result = await runWrite(
    db,
    [
      raw(sql`update quotes set status = ${QUOTE_LIFECYCLE.send.to}, sent_at = ${now}, valid_until = coalesce(valid_until,
        ${validUntilDefault}),
                   version = version + 1, write_token = ${token}, updated_at = ${now}
                 where id = ${id} and ${quoteWritable(version, 'send', today)}
                 and (valid_until is null or valid_until >= ${today})
                 and exists (select 1 from quote_lines where quote_id = ${id} and kind <> 'section')
                 and not exists (select 1 from quote_lines where quote_id = ${id} and kind <> 'section' and hours_centi is null)
                 and not exists (select 1 from quotes o where o.series_id = quotes.series_id and o.status = ${
                   'accepted' satisfies QuoteStatus
                 })`),
      raw(sql`update quotes set superseded_at = ${now}
                 where series_id = (select series_id from quotes where id = ${id}) and revision < (select revision from quotes where id =
                   ${id})
                 and superseded_at is null and ${applied(token)}`),
      auditInsert({
        quoteId: id,
        action: 'sent',
        changes: sql`json_object('validUntil', (select valid_until from quotes where id = ${id}))`,
        actor,
        at: now,
        when: applied(token),
      }),
      ...mailWrites,
    ],
    id,
  );
  return { ...result, mailIds: result.writeResults ? insertedIds(result.writeResults) : [] };
}

/** The audit entry of a revision or copy our write made: which number it came from. */
function copiedAudit(action: 'revised' | 'duplicated', sourceId: number, token: string, actor: Actor, now: string) {
  return auditInsert({
    quoteId: byToken(token),
    action,
    changes: sql`json_object('from', (select number from quotes where id = ${sourceId}))`,
    actor,
    at: now,
    when: applied(token),
  });
}

/** What a revision and a copy take over from their source quote's header (the prices stay frozen). */
/** The header a revision or copy takes over (columns named as schema/tables declares them). */
const COPIED_HEADER = (
  ['title', 'currency', 'rateMinor', 'vatMode', 'vatRateMilli', 'discountRateMilli', 'customerNote', 'internalNote'] as const
)
  .map((k) => getTableColumns(quotes)[k].name)
  .join(', ');
/** Every column of a line but its id and its quote's: what a revision or copy copies. */
const LINE_COLUMNS = Object.values(getTableColumns(quoteLines))
  .map((c) => c.name)
  .filter((name) => name !== 'id' && name !== 'quote_id')
  .join(', ');

/** The source quote's lines, copied onto the revision or copy our write made (found by its token), if it was made. */
function copyLines(sourceId: number, token: string) {
  return raw(sql`insert into quote_lines (quote_id, ${sql.raw(LINE_COLUMNS)})
                 select ${byToken(token)}, ${sql.raw(LINE_COLUMNS)} from quote_lines where quote_id = ${sourceId} and ${applied(token)}`);
}

/** A new draft revision (same number, -R2, -R3…) copied from the latest one. */
export async function reviseQuote(db: Db, id: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const copyColumns = `customer_id, ${COPIED_HEADER}`;
  return runWrite(
    db,
    [
      raw(sql`insert into quotes (series_id, revision, number, status, version, write_token, ${sql.raw(copyColumns)}, valid_until,
        search_text,
                   created_by, created_at, updated_at)
                 select q.series_id, q.revision + 1, s.number || '-R' || (q.revision + 1), ${DRAFT}, 1, ${token}, ${sql.raw(
                   copyColumns
                     .split(', ')
                     .map((c) => `q.${c}`)
                     .join(', '),
                 )}, null, lower(s.number || '-r' || (q.revision + 1)) || ' ' || substr(q.search_text, instr(q.search_text, ' ') + 1),
                   ${actor.userId}, ${now}, ${now}
                 from quotes q join quote_series s on s.id = q.series_id
                 where q.id = ${id} and ${quoteMay('revise', null, 'q')}
                 and q.revision = (select max(revision) from quotes where series_id = q.series_id)`),
      copyLines(id, token),
      copiedAudit('revised', id, token, actor, now),
    ],
    byToken(token),
  );
}

/**
 * A copy under a new number (to offer an alternative), as a draft with the same frozen prices;
 * for another customer when `customerId` is given (null when the source or that customer is
 * missing: then no number is used up).
 */
export async function duplicateQuote(
  db: Db,
  id: number,
  year: number,
  actor: Actor,
  to: { customerId?: number } = {},
): Promise<QuoteView | null> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const counter = `quote:${year}`;
  const customer = to.customerId === undefined ? sql`q.customer_id` : sql`${to.customerId}`;
  const sourceExists = sql`exists (select 1 from quotes q where q.id = ${id} and exists (select 1 from customers where id = ${customer}))`;
  const copyColumns = COPIED_HEADER;
  const result = await runWrite(
    db,
    [
      raw(sql`insert into counters (name, value) select ${counter}, 1 where ${sourceExists}
                 on conflict(name) do update set value = value + 1`),
      raw(sql`insert into quote_series (number, year, seq, customer_id, created_at, create_token)
                 select ${`Q-${year}-`} || printf('%04d', c.value), ${year}, c.value, ${customer}, ${now}, ${token}
                 from counters c, quotes q where c.name = ${counter} and q.id = ${id} and ${sourceExists}`),
      raw(sql`insert into quotes (series_id, revision, number, status, version, write_token, customer_id, ${sql.raw(copyColumns)},
        valid_until, search_text,
                   created_by, created_at, updated_at)
                 select s.id, 1, s.number, ${DRAFT}, 1, ${token}, s.customer_id, ${sql.raw(
                   copyColumns
                     .split(', ')
                     .map((c) => `q.${c}`)
                     .join(', '),
                 )}, null,
                   lower(s.number) || ' ' || substr(q.search_text, instr(q.search_text, ' ') + 1), ${actor.userId}, ${now}, ${now}
                 from quote_series s, quotes q where s.create_token = ${token} and q.id = ${id}`),
      copyLines(id, token),
      copiedAudit('duplicated', id, token, actor, now),
    ],
    byToken(token),
  );
  return result.quote;
}

export async function archiveQuote(db: Db, id: number, version: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();

  return runWrite(
    db,
    [
      auditInsert({
        quoteId: id,
        action: 'archived',
        changes: sql`json_object('status', json_array(q.status, ${QUOTE_LIFECYCLE.archive.to}))`,
        actor,
        at: now,
        when: quoteWritable(version, 'archive', null, 'q'),
      }),
      raw(sql`update quotes set status = ${QUOTE_LIFECYCLE.archive.to}, archived_at = ${now}, version = version + 1, write_token = ${token},
        updated_at = ${now}
                 where id = ${id} and ${quoteWritable(version, 'archive', null)}`),
    ],
    id,
    1,
  );
}

/**
 * Re-prices a draft on purpose: the current rate, and for catalog lines the item's current
 * hours (fixed services) and K (unless a line's K was changed with a reason).
 */
export async function repriceQuote(db: Db, id: number, version: number, rateMinor: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  return runWrite(
    db,
    [
      auditInsert({
        quoteId: id,
        action: 'repriced',
        changes: sql`json_object('rateMinor', json_array(q.rate_minor, ${rateMinor}))`,
        actor,
        at: now,
        when: quoteWritable(version, 'edit', null, 'q'),
      }),
      raw(sql`update quotes set rate_minor = ${rateMinor}, version = version + 1, write_token = ${token}, updated_at = ${now}
                 where id = ${id} and ${quoteWritable(version, 'edit', null)}`),
      raw(sql`update quote_lines set
                   hours_centi = case when mode = 'fixed' then (select hours_centi from catalog_items c where c.id =
                     quote_lines.catalog_item_id) else hours_centi end,
                   k_milli = case when k_milli = base_k_milli then (select k_milli from catalog_items c where c.id =
                     quote_lines.catalog_item_id) else k_milli end,
                   base_k_milli = (select k_milli from catalog_items c where c.id = quote_lines.catalog_item_id)
                 where quote_id = ${id} and kind = 'item' and catalog_item_id in (select id from catalog_items) and ${applied(token)}`),
    ],
    id,
    1,
  );
}
