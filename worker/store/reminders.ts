/**
 * The quotes the hourly schedule writes to about: sent revisions, still the latest of their
 * number and unanswered, that expire within a few days (to the customer) or have just expired
 * (to the manager). Each message goes out once per revision (the outbox's dedupe key).
 */
import { sql } from 'drizzle-orm';
import type { Lang } from '../domain/format';
import { batch, raw, type Db } from './db';
import { quoteStatusIs } from './quote-guards';

export interface ReminderRow {
  quoteId: number;
  number: string;
  title: string;
  validUntil: string;
  customerName: string;
  lang: Lang;
  /** JSON array of addresses: the last e-mail's recipients for the number, else the customer's card. */
  recipients: string | null;
  managerEmail: string | null;
  /** The app's address as the manager's last send saw it (links in the e-mail). */
  origin: string | null;
}

const lastSend = (what: string) =>
  sql.raw(`(select ${what} from outbox o where o.kind = 'quote_sent'
  and json_extract(o.payload, '$.quoteId') in (select id from quotes r where r.series_id = q.series_id) order by o.id desc limit 1)`);

function rows(where: ReturnType<typeof sql>) {
  return raw(
    sql`select q.id as quoteId, q.number as number, q.title as title, q.valid_until as validUntil, c.name as customerName, c.lang as lang,
          coalesce(${lastSend('o.to_json')}, case when c.email <> '' then json_array(c.email) end) as recipients,
          (select u.email from audit_log a join users u on u.id = a.actor_user_id where a.quote_id = q.id and a.action = 'sent' and u.active
            = 1
            order by a.id desc limit 1) as managerEmail,
          ${lastSend(`json_extract(o.payload, '$.origin')`)} as origin
        from quotes q join customers c on c.id = q.customer_id
        where q.superseded_at is null and ${where}
        order by q.id limit 500`,
  );
}

/**
 * Expiring: valid `today + 1 … today + days`, sent at least two days ago (a short offer is not
 * reminded the day it is made), no reminder yet. Expired: validity passed in the last week,
 * no notice yet.
 */
export async function dueReminders(db: Db, today: string, inDays: string, sentBefore: string, weekAgo: string) {
  const [expiring, expired] = await batch(db, [
    rows(sql`${quoteStatusIs('sent', today, 'q')} and q.valid_until <= ${inDays} and q.sent_at <= ${sentBefore}
                 and not exists (select 1 from outbox x where x.dedupe_key = 'expiring:' || printf('%d', q.id))`),
    rows(sql`${quoteStatusIs('expired', today, 'q')} and q.valid_until >= ${weekAgo}
                 and not exists (select 1 from outbox x where x.dedupe_key = 'expired:' || printf('%d', q.id))`),
  ]);
  return {
    expiring: (expiring as D1Result<ReminderRow>).results ?? [],
    expired: (expired as D1Result<ReminderRow>).results ?? [],
  };
}
