/**
 * The outbox row about a service request — the managers' «new request», the customer's «answered» —
 * written in the batch of the change it tells about, so no e-mail goes out for a change that did not apply.
 */
import { sql, type SQL } from 'drizzle-orm';
import { raw, type BatchItem } from './db';

/** An outbox row about request `r` (alias), its subject filled from the request in SQL: `{number}`, `{subject}`. */
export function requestMail(m: {
  kind: 'request_new' | 'request_answered';
  to: SQL;
  lang: 'ru' | 'en';
  subject: string;
  payload: SQL;
  createdBy: number | null;
  where: SQL;
  now: string;
}): BatchItem {
  return raw(
    sql`insert into outbox (kind, to_json, lang, subject, payload, status, attempts, created_at, created_by, next_attempt_at)
        select ${m.kind}, ${m.to}, ${m.lang}, replace(replace(${m.subject}, '{number}', r.number), '{subject}', r.subject), ${m.payload},
          'queued', 0, ${m.now}, ${m.createdBy}, ${m.now}
        from service_requests r where ${m.where} and (${m.to}) is not null
        returning id`,
  );
}
