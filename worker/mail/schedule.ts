/**
 * The hourly Cron Trigger: reminders of estimates that expire within three days and have no
 * answer (to the customer), notices of estimates that expired unanswered (to the manager),
 * and the outbox's sweep (messages whose queue message was lost go to the queue again;
 * deliveries interrupted midway fail visibly instead of being sent twice).
 */
import { addDays, localDate } from '../domain/calendar';
import { formatDay } from '../domain/format';
import { MAIL_WORDS } from '../domain/words/mail';
import { say } from '../domain/words/words';
import type { Db } from '../store/db';
import { sweepOutbox, writeMails, type NewMail } from '../store/outbox';
import { dueReminders } from '../store/reminders';
import { getSettings } from '../store/settings';

export const REMIND_DAYS_BEFORE = 3;
const LOST_AFTER_MS = 10 * 60_000;
const STUCK_AFTER_MS = 30 * 60_000;
const INTERRUPTED = 'The delivery was interrupted; the message may or may not have left. Check with the recipient before sending it again.';

/** What the schedule wrote and found: the outbox ids to put in the queue. */
export async function runSchedule(db: Db, now: Date): Promise<number[]> {
  const settings = await getSettings(db);
  const today = localDate(now.getTime(), settings.timeZone);
  const due = await dueReminders(
    db,
    today,
    addDays(today, REMIND_DAYS_BEFORE),
    new Date(now.getTime() - 2 * 86_400_000).toISOString(),
    addDays(today, -7),
  );
  const mails: NewMail[] = [];
  for (const r of due.expiring) {
    if (!r.recipients) continue;
    mails.push({
      kind: 'quote_expiring',
      to: JSON.parse(r.recipients) as string[],
      lang: r.lang,
      subject: say(r.lang, MAIL_WORDS.expiringSubject, { number: r.number, validUntil: formatDay(r.validUntil, r.lang) }),
      payload: { quoteId: r.quoteId, origin: r.origin ?? '' },
      dedupeKey: `expiring:${r.quoteId}`,
      createdBy: null,
    });
  }
  for (const r of due.expired) {
    if (!r.managerEmail) continue;
    mails.push({
      kind: 'quote_expired',
      to: [r.managerEmail],
      lang: 'ru',
      subject: say('ru', MAIL_WORDS.expiredSubject, { number: r.number, customer: r.customerName }),
      payload: { quoteId: r.quoteId, origin: r.origin ?? '' },
      dedupeKey: `expired:${r.quoteId}`,
      createdBy: null,
    });
  }
  const written = await writeMails(db, mails);
  const lost = await sweepOutbox(db, now, LOST_AFTER_MS, STUCK_AFTER_MS, INTERRUPTED);
  return [...new Set([...written, ...lost])];
}
