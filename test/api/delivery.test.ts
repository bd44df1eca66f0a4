/**
 * Quote delivery (issue 16): the e-mail is written in the batch of the send it belongs to;
 * the queue consumer sends each outbox row at most once, retries a failing transport with
 * backoff and leaves a failure visible; the hourly schedule writes to exactly the quotes that
 * are due; admins see the outbox and send a failed message again.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverMail, MAX_ATTEMPTS } from '../../worker/mail/deliver';
import { handleOutboxBatch } from '../../worker/mail/queue';
import { runSchedule } from '../../worker/mail/schedule';
import type { MailTransport, OutgoingMail } from '../../worker/mail/transport';
import { database } from '../../worker/store/db';
import { ORIGIN, call, fails, fetchWorker, ok } from '../support/api';
import { catalog, freshIp } from '../support/money';

const db = database(env.DB);

/** A transport that keeps what it sent, and fails the first `failures` times. */
function recorder(failures = 0) {
  const sent: OutgoingMail[] = [];
  let calls = 0;
  const transport: MailTransport = {
    async send(mail) {
      calls++;
      if (calls <= failures) throw new Error('SMTP 451: try again later');
      sent.push(mail);
      return { messageId: `<m${calls}@test>` };
    },
  };
  return { transport, sent, calls: () => calls };
}

const deps = (transport: MailTransport) => ({ db, transport, from: 'Нормо-часы <quotes@normhours.example>' });
const outboxRow = async (id: number) => env.DB.prepare('select * from outbox where id = ?').bind(id).first<Record<string, any>>();
const outboxFor = async (kind: string) =>
  (await env.DB.prepare('select * from outbox where kind = ? order by id').bind(kind).all<Record<string, any>>()).results;

async function draftWithLines(customerId = 1, title = 'Внедрение СЭО') {
  const items = await catalog();
  let q = await ok('POST', '/api/quotes', { body: { customerId, title } }, 201);
  for (const code of ['2.2', '2.5'])
    q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items[code]!.id } }, 201);
  return q;
}

const sendWithMail = (q: any, to = ['zakazchik@example.ru'], message = 'Добрый день! Смета по нашему разговору.') =>
  ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version, email: { to, message } } });

beforeAll(async () => {
  await ok('PATCH', '/api/users/2', { as: 'admin', body: { phone: '+7 495 123-45-67' } });
});

describe('sending a quote by e-mail', () => {
  it('previews the message without sending anything: the customer card’s address, their language, the note escaped', async () => {
    const customer = await ok('POST', '/api/customers', { body: { name: 'Preview Ltd', email: 'boss@preview.example', lang: 'en' } }, 201);
    const q = await draftWithLines(customer.id, 'Portal');
    const before = (await env.DB.prepare('select count(*) as n from outbox').first<{ n: number }>())!.n;
    const preview = await ok('POST', `/api/quotes/${q.id}/mail-preview`, { body: { message: 'See <b>this</b> & reply' } });
    expect(preview).toMatchObject({
      to: ['boss@preview.example'],
      lang: 'en',
      subject: `Estimate ${q.number}: Portal`,
      attachment: expect.stringMatching(/\.pdf$/),
    });
    expect(preview.text).toContain('See <b>this</b> & reply');
    expect(preview.html).toContain('See &lt;b&gt;this&lt;/b&gt; &amp; reply');
    expect(preview.text).toMatch(/valid until/);
    expect((await env.DB.prepare('select count(*) as n from outbox').first<{ n: number }>())!.n).toBe(before);
    const plain = await ok('POST', `/api/quotes/${(await draftWithLines()).id}/mail-preview`, { body: {} });
    expect(plain.lang).toBe('ru');
    expect(plain.text).not.toContain('Сообщение менеджера');
    await fails('POST', `/api/quotes/${q.id}/mail-preview`, { as: 'accountant', body: {} }, 403, 'forbidden');
    await fails('POST', '/api/quotes/999999/mail-preview', { body: {} }, 404, 'not_found');
  });

  it('the e-mail and the send are one batch: when the outbox row cannot be written, the quote stays a draft', async () => {
    const q = await draftWithLines();
    const rows = async () => (await env.DB.prepare('select count(*) as n from outbox').first<{ n: number }>())!.n;
    const before = await rows();
    await env.DB.exec("create trigger test_outbox_fails before insert on outbox begin select raise(abort, 'outbox unavailable'); end");
    try {
      const res = await call('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version, email: { to: ['a@b.example'] } } });
      expect(res.status).toBe(500);
    } finally {
      await env.DB.exec('drop trigger test_outbox_fails');
    }
    expect(await rows()).toBe(before);
    const after = await ok('GET', `/api/quotes/${q.id}`);
    expect(after).toMatchObject({ status: 'draft', version: q.version, sentAt: null });
    // And once the outbox works again, the same request goes through with its e-mail.
    await sendWithMail(q);
    expect(await rows()).toBe(before + 1);
  });

  it('writes the e-mail with the send; delivering it sends the link and the PDF, once', async () => {
    const q = await sendWithMail(await draftWithLines());
    expect(q.status).toBe('sent');
    const [row] = (await outboxFor('quote_sent')).filter((r) => JSON.parse(r.payload).quoteId === q.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 0, lang: 'ru', to_json: JSON.stringify(['zakazchik@example.ru']) });
    expect(row!.subject).toBe(`Смета ${q.number}: Внедрение СЭО`);
    expect(row!.payload).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/); // no link (a secret) is stored

    const r = recorder();
    expect(await deliverMail(deps(r.transport), row!.id)).toEqual({ outcome: 'sent' });
    expect(r.sent).toHaveLength(1);
    const mail = r.sent[0]!;
    expect(mail).toMatchObject({
      to: ['zakazchik@example.ru'],
      replyTo: 'manager@demo.local',
      subject: `Смета ${q.number}: Внедрение СЭО`,
    });
    expect(mail.text).toContain('Добрый день! Смета по нашему разговору.');
    expect(mail.text).toContain('+7 495 123-45-67');
    expect(mail.html).not.toMatch(/<img|<script/i);
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const shared = await fetchWorker(`/api/shared/${token}`, { headers: { 'cf-connecting-ip': freshIp() } });
    expect(((await shared.json()) as any).quote.number).toBe(q.number);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments![0]).toMatchObject({ type: 'application/pdf', filename: expect.stringMatching(/\.pdf$/) });
    expect(new TextDecoder().decode(mail.attachments![0]!.content.slice(0, 5))).toBe('%PDF-');
    expect(await outboxRow(row!.id)).toMatchObject({ status: 'sent', attempts: 1, message_id: '<m1@test>', error: null });
    // Delivered again (a queue message twice, a sweep): nothing more leaves.
    expect(await deliverMail(deps(r.transport), row!.id)).toEqual({ outcome: 'not_mine' });
    expect(r.calls()).toBe(1);
  });

  it('a send that is refused writes no e-mail (the batch is all or nothing)', async () => {
    const items = await catalog();
    let q = await ok('POST', '/api/quotes', { body: { customerId: 1, title: 'Без часов' } }, 201);
    q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items['2.9']!.id } }, 201);
    const before = (await outboxFor('quote_sent')).length;
    await fails(
      'POST',
      `/api/quotes/${q.id}/send`,
      { body: { version: q.version, email: { to: ['a@example.ru'] } } },
      422,
      'incomplete_lines',
    );
    await fails(
      'POST',
      `/api/quotes/${q.id}/send`,
      { body: { version: q.version + 5, email: { to: ['a@example.ru'] } } },
      409,
      'version_conflict',
    );
    await fails(
      'POST',
      `/api/quotes/${q.id}/send`,
      { body: { version: q.version, email: { to: ['не адрес'] } } },
      400,
      'validation_failed',
    );
    expect((await outboxFor('quote_sent')).length).toBe(before);
  });

  it('ten deliveries of one row at once send it once', async () => {
    const q = await sendWithMail(await draftWithLines());
    const row = (await outboxFor('quote_sent')).find((r) => JSON.parse(r.payload).quoteId === q.id)!;
    const r = recorder();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => deliverMail(deps(r.transport), row.id)));
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
    expect(r.calls()).toBe(1);
  });

  it(
    'a failing transport is retried with backoff; after the last attempt the failure is visible, and an admin sends ' + 'it again',
    async () => {
      const q = await sendWithMail(await draftWithLines());
      const row = (await outboxFor('quote_sent')).find((r) => JSON.parse(r.payload).quoteId === q.id)!;
      const r = recorder(100);
      const delays: number[] = [];
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const o = await deliverMail(deps(r.transport), row.id);
        if (o.outcome === 'retry') delays.push(o.delaySeconds);
        else expect(o.outcome).toBe('failed');
        if (o.outcome === 'retry') await env.DB.prepare("update outbox set next_attempt_at = '2000-01-01' where id = ?").bind(row.id).run();
      }
      expect(delays).toEqual([...delays].sort((a, b) => a - b));
      expect(delays.length).toBe(MAX_ATTEMPTS - 1);
      expect(await outboxRow(row.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, error: 'SMTP 451: try again later' });
      // Each failed attempt's link was withdrawn again: none of them works.
      const links = await env.DB.prepare(
        'select count(*) as n from share_links where series_id = (select series_id from quotes where id = ?) and revoked_at is null and ' +
          'created_by is null',
      )
        .bind(q.id)
        .first<{ n: number }>();
      expect(links?.n).toBe(0);
      const list = await ok<any[]>('GET', '/api/outbox', { as: 'admin' });
      expect(list.find((m) => m.id === row.id)).toMatchObject({
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        error: 'SMTP 451: try again later',
        kind: 'quote_sent',
      });
      await fails('GET', '/api/outbox', { as: 'manager' }, 403);
      const again = await ok('POST', `/api/outbox/${row.id}/retry`, { as: 'admin' });
      expect(again).toMatchObject({ status: 'queued', attempts: 0, error: null });
      await fails('POST', `/api/outbox/${row.id}/retry`, { as: 'admin' }, 409, 'not_failed');
      await fails('POST', '/api/outbox/999999/retry', { as: 'admin' }, 404);
      const good = recorder();
      expect(await deliverMail(deps(good.transport), row.id)).toEqual({ outcome: 'sent' });
    },
  );

  it('the queue consumer acknowledges what was sent and asks the queue to retry what failed', async () => {
    const q = await sendWithMail(await draftWithLines());
    const row = (await outboxFor('quote_sent')).find((r) => JSON.parse(r.payload).quoteId === q.id)!;
    const calls: string[] = [];
    const message = (id: unknown) => ({
      body: { id },
      ack: () => calls.push(`ack ${String(id)}`),
      retry: (o?: { delaySeconds?: number }) => calls.push(`retry ${String(id)} ${o?.delaySeconds}`),
    });
    const batch = { messages: [message(row.id), message('junk')] } as unknown as MessageBatch<{ id: number }>;
    await handleOutboxBatch(batch, deps(recorder(1).transport));
    expect(calls).toEqual([`retry ${row.id} 30`, 'ack junk']);
    await env.DB.prepare("update outbox set next_attempt_at = '2000-01-01' where id = ?").bind(row.id).run();
    calls.length = 0;
    await handleOutboxBatch({ messages: [message(row.id)] } as unknown as MessageBatch<{ id: number }>, deps(recorder().transport));
    expect(calls).toEqual([`ack ${row.id}`]);
  });
});

describe('the customer answers', () => {
  it('the manager who sent the quote gets an e-mail, written with the answer', async () => {
    const q = await sendWithMail(await draftWithLines());
    const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
    const res = await fetchWorker(`/api/shared/${token}/request-changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': freshIp() },
      body: JSON.stringify({ name: 'Анна Заказчикова', message: 'Добавьте 2.3', revision: 1 }),
    });
    expect(res.status).toBe(200);
    const row = (await outboxFor('quote_answered')).find((r) => JSON.parse(r.payload).quoteId === q.id)!;
    expect(row).toMatchObject({ to_json: JSON.stringify(['manager@demo.local']), status: 'queued' });
    expect(row.subject).toContain(q.number);
    const r = recorder();
    expect(await deliverMail(deps(r.transport), row.id)).toEqual({ outcome: 'sent' });
    expect(r.sent[0]!.text).toContain('Добавьте 2.3');
    expect(r.sent[0]!.text).toContain(`/quotes/${q.id}`);
  });
});

describe('the hourly schedule', () => {
  it('reminds exactly the quotes due in three days, notices exactly the just expired ones, each once', async () => {
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const setSent = (id: number, sentDaysAgo: number, validUntil: string) =>
      env.DB.prepare('update quotes set sent_at = ?, valid_until = ? where id = ?')
        .bind(new Date(Date.now() - sentDaysAgo * 86_400_000).toISOString(), validUntil, id)
        .run();
    const customer = await ok(
      'POST',
      '/api/customers',
      { body: { name: 'ООО «Напоминание»', email: 'buh@napominanie.example', lang: 'en' } },
      201,
    );
    const due = await ok('POST', `/api/quotes/${(await draftWithLines(customer.id, 'Due')).id}/send`, { body: { version: 3 } });
    const later = await ok('POST', `/api/quotes/${(await draftWithLines(customer.id, 'Later')).id}/send`, { body: { version: 3 } });
    const fresh = await ok('POST', `/api/quotes/${(await draftWithLines(customer.id, 'Fresh')).id}/send`, { body: { version: 3 } });
    const answered = await ok('POST', `/api/quotes/${(await draftWithLines(customer.id, 'Answered')).id}/send`, { body: { version: 3 } });
    const expired = await ok('POST', `/api/quotes/${(await draftWithLines(customer.id, 'Expired')).id}/send`, { body: { version: 3 } });
    const old = await ok('POST', `/api/quotes/${(await draftWithLines(customer.id, 'Old')).id}/send`, { body: { version: 3 } });
    await setSent(due.id, 5, day(2));
    await setSent(later.id, 5, day(9));
    await setSent(fresh.id, 0, day(2));
    await setSent(answered.id, 5, day(2));
    await env.DB.prepare("update quotes set status = 'accepted' where id = ?").bind(answered.id).run();
    await setSent(expired.id, 20, day(-1));
    await setSent(old.id, 60, day(-30));
    const ids = await runSchedule(db, new Date());
    const mine = [due, later, fresh, answered, expired, old].map((q) => q.id);
    const written = (
      await env.DB.prepare(
        `select kind, json_extract(payload, '$.quoteId') as quoteId, to_json as toJson, lang, dedupe_key as dedupeKey from outbox where ` +
          `id in (select value from json_each(?))`,
      )
        .bind(JSON.stringify(ids))
        .all<any>()
    ).results.filter((r) => mine.includes(r.quoteId));
    expect(written.map((r) => [r.kind, r.quoteId]).sort()).toEqual([
      ['quote_expired', expired.id],
      ['quote_expiring', due.id],
    ]);
    expect(written.find((r) => r.kind === 'quote_expiring')).toMatchObject({
      toJson: JSON.stringify(['buh@napominanie.example']),
      lang: 'en',
    });
    expect(written.find((r) => r.kind === 'quote_expired')).toMatchObject({ toJson: JSON.stringify(['manager@demo.local']) });
    // An hour later: nothing new is written for the same quotes (the queued ones may be swept again).
    await runSchedule(db, new Date(Date.now() + 3_600_000));
    const reminders = (
      await env.DB.prepare(
        `select kind, json_extract(payload, '$.quoteId') as quoteId from outbox where kind in ('quote_expiring', 'quote_expired')`,
      ).all<any>()
    ).results.filter((r) => mine.includes(r.quoteId));
    expect(reminders.map((r) => [r.kind, r.quoteId]).sort()).toEqual([
      ['quote_expired', expired.id],
      ['quote_expiring', due.id],
    ]);
    const r = recorder();
    const expiring = written.find((w) => w.kind === 'quote_expiring');
    const row = (await env.DB.prepare('select id from outbox where dedupe_key = ?').bind(`expiring:${due.id}`).first<{ id: number }>())!;
    expect(expiring).toBeDefined();
    expect(await deliverMail(deps(r.transport), row.id)).toEqual({ outcome: 'sent' });
    expect(r.sent[0]!.subject).toContain(due.number);
    expect(r.sent[0]!.text).toMatch(/valid until/);
  });

  it('the sweep sends again what never reached the queue, and fails visibly what was interrupted midway', async () => {
    const q = await sendWithMail(await draftWithLines());
    const row = (await outboxFor('quote_sent')).find((r) => JSON.parse(r.payload).quoteId === q.id)!;
    await env.DB.prepare("update outbox set next_attempt_at = '2000-01-01T00:00:00.000Z' where id = ?").bind(row.id).run();
    expect(await runSchedule(db, new Date())).toContain(row.id);
    await env.DB.prepare("update outbox set status = 'sending', claimed_at = '2000-01-01T00:00:00.000Z' where id = ?").bind(row.id).run();
    expect(await runSchedule(db, new Date())).not.toContain(row.id);
    expect(await outboxRow(row.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
  });
});
