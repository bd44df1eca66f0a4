import { env as baseEnv } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { database } from '../../worker/store/db';
import { exportCustomer } from '../../worker/store/customer-export';
import { ImportRefused, importCustomer } from '../../worker/store/customer-import';
import { ORIGIN, call, fails, fetchWorker, ok, freshIp } from '../support/api';

/** A customer with a revised quote, an accepted one turned into an order, debits, a correction and a pledge. */
async function busyCustomer() {
  const c = await ok(
    'POST',
    '/api/customers',
    { as: 'accountant', body: { name: 'ООО «Выгрузка»', taxId: '7700123456', overdraftCenti: 500 } },
    201,
  );
  const items = Object.fromEntries((await ok<any[]>('GET', '/api/catalog/items')).map((i) => [i.code, i]));
  let q = await ok('POST', '/api/quotes', { body: { customerId: c.id, title: 'Внедрение', internalNote: 'заметка' } }, 201);
  q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items['2.4'].id } }, 201);
  q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items['2.1'].id, hoursCenti: 500 } }, 201);
  q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
  const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
  const sent = await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: r2.version } });
  const { token } = await ok('POST', `/api/quotes/${sent.id}/share`, {}, 201);
  await fetchWorker(`/api/shared/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': freshIp() },
    body: JSON.stringify({ name: 'Анна Выгрузкина' }),
  });
  const t = await ok(
    'POST',
    `/api/customers/${c.id}/ledger`,
    { as: 'accountant', body: { kind: 'topup', normHoursCenti: 5000, memo: 'пакет', topupKind: 'contract' } },
    201,
  );
  await ok(
    'POST',
    `/api/customers/${c.id}/ledger`,
    { as: 'accountant', body: { kind: 'correction', normHoursCenti: -200, memo: 'ошибка', correctsEntryId: t.entry.id } },
    201,
  );
  const order = await ok('POST', `/api/quotes/${sent.id}/order`, {}, 201);
  const accepted = await call('POST', `/api/orders/${order.id}/stages/1/accept`, {
    as: 'accountant',
    body: {},
    headers: { 'idempotency-key': `export-${c.id}` },
  });
  expect(accepted.status).toBe(200);
  const project = await ok(
    'POST',
    '/api/crowdfunding',
    { body: { code: `EXP-${c.id}`, title: 'Проект', estimate: [{ kMilli: 1000, hoursCenti: 1000 }] } },
    201,
  );
  await ok('POST', `/api/crowdfunding/${project.id}/pledges`, { body: { customerId: c.id, normHoursCenti: 300 } }, 201);
  return c;
}

const env = baseEnv as typeof baseEnv & { IMPORT_DB: D1Database; TEST_SEED: string[] };
const ADMIN = { kind: 'user' as const, userId: 1, name: 'Администратор', ip: null, userAgent: null };
const withoutTime = (doc: any) => ({ ...doc, exportedAt: undefined });

describe('customer data export and import', () => {
  it('exports everything about one customer as one JSON document', async () => {
    const c = await busyCustomer();
    const res = await call('GET', `/api/customers/${c.id}/export.json`, { as: 'accountant' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=.*filename\*=UTF-8''customer-\d+%20/);
    const doc = (await res.json()) as any;
    expect(doc).toMatchObject({
      format: 'normhours.customer-export',
      version: 1,
      customer: { id: c.id, name: 'ООО «Выгрузка»' },
      balanceCenti: 5000 - 200 - 1000,
    });
    expect(doc.quotes.map((q: any) => [q.revision, q.status])).toEqual([
      [1, 'sent'],
      [2, 'accepted'],
    ]);
    expect(doc.quoteLines).toHaveLength(4);
    expect(doc.orders).toHaveLength(1);
    expect(doc.stages.map((s: any) => s.status)).toEqual(['accepted', 'pending']);
    expect(doc.ledger.map((e: any) => e.kind)).toEqual(['topup', 'correction', 'debit']);
    expect(doc.debitItems).toHaveLength(1);
    expect(doc.pledges).toHaveLength(1);
    expect(doc.projects.map((p: any) => p.code)).toEqual([`EXP-${c.id}`]);
    expect(doc.audit.length).toBeGreaterThan(5);
    expect(JSON.stringify(doc)).not.toMatch(/write_token|writeToken|tokenHash|passwordHash/);
    await fails('GET', '/api/customers/99999/export.json', {}, 404);
  });

  it('restores into an empty database exactly: export → import → export gives the same document', async () => {
    const c = await busyCustomer();
    const original = await ok('GET', `/api/customers/${c.id}/export.json`);
    const empty = database(env.IMPORT_DB);
    // the empty database knows the price list and the staff, nothing about customers
    await env.IMPORT_DB.batch(
      env.TEST_SEED.filter((s) => /^INSERT INTO (settings|categories|catalog_items|users) /.test(s)).map((s) => env.IMPORT_DB.prepare(s)),
    );
    await importCustomer(empty, original, ADMIN);
    const again = JSON.parse(JSON.stringify(await exportCustomer(empty, c.id)));
    // The history is the same, marked as imported; one row per quote number says who imported it.
    const imported = again.audit.filter((a: any) => a.action === 'imported');
    expect(imported).toHaveLength(original.quoteSeries.length);
    expect(imported[0]).toMatchObject({
      actorName: 'Администратор',
      importedAt: null,
      changes: expect.stringContaining(original.exportedAt),
    });
    const history = again.audit.filter((a: any) => a.action !== 'imported');
    expect(history.every((a: any) => typeof a.importedAt === 'string')).toBe(true);
    expect(history.map((a: any) => ({ ...a, importedAt: null }))).toEqual(original.audit);
    expect(withoutTime({ ...again, audit: [] })).toEqual(withoutTime({ ...original, audit: [] }));
    const balance = await env.IMPORT_DB.prepare('select balance_centi as b from customers where id = ?').bind(c.id).first<{ b: number }>();
    expect(balance?.b).toBe(original.balanceCenti);
    // a second restore of the same data is refused, and changes nothing
    const refused = await importCustomer(empty, original, ADMIN).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect(refused).toMatchObject({ reason: 'taken' });
    expect(await env.IMPORT_DB.prepare('select count(*) as n from ledger_entries').first<{ n: number }>()).toEqual({
      n: original.ledger.length,
    });
  });

  it('the import route is the admin’s; it refuses overlaps and documents that are not exports', async () => {
    const c = await busyCustomer();
    const doc = await ok('GET', `/api/customers/${c.id}/export.json`);
    await fails('POST', '/api/import/customer', { as: 'accountant', body: doc }, 403);
    await fails('POST', '/api/import/customer', { as: 'admin', body: doc }, 409, 'import_conflict');
    await fails('POST', '/api/import/customer', { as: 'admin', body: { ...doc, format: 'something-else' } }, 400, 'validation_failed');
    await fails('POST', '/api/import/customer', { as: 'admin', body: { hello: 'world' } }, 400, 'validation_failed');
    // An entry's instant in another form would land in the wrong month of the reports and snapshots.
    const local = { ...doc, ledger: doc.ledger.map((e: { at: string }, i: number) => (i === 0 ? { ...e, at: '01.05.2026 09:30' } : e)) };
    const bad = await fails('POST', '/api/import/customer', { as: 'admin', body: local }, 400, 'validation_failed');
    expect(JSON.stringify(bad)).toContain('ledger');
    const moved = { ...doc, customer: { ...doc.customer, id: 777_777 } };
    await fails('POST', '/api/import/customer', { as: 'admin', body: moved }, 400, 'validation_failed'); // its rows are another customer's
    expect(await env.DB.prepare('select count(*) as n from customers where id = 777777').first<{ n: number }>()).toEqual({ n: 0 });
  });
});
