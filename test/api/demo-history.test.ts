/**
 * The demo history (`npm start`) obeys every rule the API enforces (issue 17): replayed in time
 * order, no customer's balance ever goes below their overdraft; an order starts only when the
 * balance covers its first stage; stages are signed off in order, every «по оценке» line by its
 * actual hours; every debit's money is what the sign-off would have computed on its quote's terms;
 * top-ups are payments (money at the rate, a payment reference); a paid invoice is settled by its
 * top-up; the queue stands where the rules put it; the closed months are closed; and the price list
 * has the seed's items as the seed words them.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { reconcile, type QueueOrder, type StageLine } from '../../worker/domain/ledger';
import { signOff } from '../../worker/domain/sign-off';
import { topupFromHours } from '../../worker/domain/topup';
import { demoHistorySql } from '../../schema/seed/history';
import { reactionDeadline, SLA_RUNNING_STATUSES, type SlaLevelCode } from '../../worker/domain/sla';
import { DEFAULT_WORKING_CALENDAR } from '../../worker/domain/working-time';

const db = (env as unknown as { IMPORT_DB: D1Database }).IMPORT_DB;
const all = async <T>(sql: string) => (await db.prepare(sql).all<T>()).results;

beforeAll(async () => {
  const seed = (env as unknown as { TEST_SEED: string[] }).TEST_SEED;
  const statements = [...seed, ...demoHistorySql(new Date())];
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50).map((s) => db.prepare(s)));
});

describe('the demo history obeys the rules', () => {
  it('no customer’s balance ever goes below their overdraft; the kept balance is the ledger’s sum', async () => {
    const customers = await all<{ id: number; overdraft: number; balance: number }>(
      'select id, overdraft_centi as overdraft, balance_centi as balance from customers',
    );
    const entries = await all<{ customer: number; n: number; at: string }>(
      'select customer_id as customer, norm_hours_centi as n, at from ledger_entries order by at, id',
    );
    for (const c of customers) {
      let balance = 0;
      let lowest = 0;
      for (const e of entries.filter((x) => x.customer === c.id)) {
        balance += e.n;
        lowest = Math.min(lowest, balance);
      }
      expect(lowest, `customer ${c.id} went to ${lowest}`).toBeGreaterThanOrEqual(-c.overdraft);
      expect(c.balance).toBe(balance);
    }
  });

  it('orders start when the balance covers their first stage, stages in order, each debit as the sign-off computes it', async () => {
    const orders = await all<any>(
      `select o.id, o.customer_id as customerId, o.rate_minor as rateMinor, o.currency, o.status, o.approved_at as ` +
        `approvedAt,
      q.discount_rate_milli as discountRateMilli, q.vat_mode as vatMode, q.vat_rate_milli as vatRateMilli from orders o join quotes q ` +
        `on q.id = o.quote_id`,
    );
    const stages = await all<any>(
      'select id, order_id as orderId, n, status, norm_hours_centi as normHoursCenti, accepted_at as acceptedAt from order_stages order ' +
        'by order_id, n',
    );
    const lines = await all<any>(
      `select sl.stage_id as stageId, sl.actual_hours_centi as actual, l.id as lineId, l.code, l.title, l.category_name ` +
        `as categoryName, l.mode,
      l.actual_time as actualTime, l.quantity_milli as quantityMilli, l.hours_centi as hoursCenti, l.k_milli as kMilli from stage_lines ` +
        `sl join quote_lines l on l.id = sl.line_id`,
    );
    const debits = await all<any>(
      `select e.id, e.stage_id as stageId, e.customer_id as customerId, e.at, -e.norm_hours_centi as n, -e.money_minor ` +
        `as subtotal, -e.discount_minor as discount,
      -e.net_minor as net, -e.vat_minor as vat, -e.total_minor as total, e.discount_rate_milli as d, e.vat_mode as mode from ` +
        `ledger_entries e where e.kind = 'debit' and e.stage_id is not null`,
    );
    const ledger = await all<{ customer: number; n: number; at: string }>(
      'select customer_id as customer, norm_hours_centi as n, at from ledger_entries order by at, id',
    );
    const overdraft = new Map(
      (await all<{ id: number; o: number }>('select id, overdraft_centi as o from customers')).map((c) => [c.id, c.o]),
    );
    expect(debits.length).toBeGreaterThan(10);
    for (const o of orders) {
      const mine = stages.filter((s) => s.orderId === o.id);
      const view = {
        rateMinor: o.rateMinor,
        currency: o.currency,
        terms: { discountRateMilli: o.discountRateMilli, vatMode: o.vatMode, vatRateMilli: o.vatRateMilli },
        stages: mine.map((s) => ({
          n: s.n,
          lines: lines.filter((l) => l.stageId === s.id).map((l) => ({ ...l, actualTime: !!l.actualTime }) as StageLine),
        })),
      };
      // Signed off in order: no accepted stage after a pending one.
      const statuses = mine.map((s) => s.status);
      expect(statuses.join(','), `order ${o.id}`).toMatch(/^(accepted,)*(accepted|pending)?(,pending)*$/);
      for (const s of mine.filter((x) => x.status === 'accepted')) {
        const d = debits.find((x) => x.stageId === s.id);
        expect(d, `stage ${s.id} has its debit`).toBeDefined();
        const actual = lines
          .filter((l) => l.stageId === s.id && l.actual !== null)
          .map((l) => ({ lineId: l.lineId, actualHoursCenti: l.actual }));
        for (const l of lines.filter((x) => x.stageId === s.id))
          expect(l.actual !== null, `${l.code}: actual hours exactly for «по оценке» lines`).toBe(l.mode === 'estimate');
        const signed = signOff(view, s.n, { lines: actual, confirmOverrun: true });
        expect(signed.ok).toBe(true);
        if (!signed.ok) continue;
        const m = signed.value.money;
        expect([d.n, d.subtotal, d.discount, d.net, d.vat, d.total, d.d, d.mode]).toEqual([
          m.normHoursCenti,
          m.subtotalMinor,
          m.discountMinor,
          m.netMinor,
          m.vatMinor,
          m.totalMinor,
          o.discountRateMilli,
          o.vatMode,
        ]);
      }
      // Started only when the balance (with the overdraft) covered the first stage.
      const first = mine.find((s) => s.n === 1);
      const firstDebit = debits.find((x) => x.stageId === first?.id);
      if (firstDebit) {
        const before = ledger.filter((e) => e.customer === o.customerId && e.at < firstDebit.at).reduce((sum, e) => sum + e.n, 0);
        expect(before + overdraft.get(o.customerId)!, `order ${o.id} started uncovered`).toBeGreaterThanOrEqual(first!.normHoursCenti);
      }
    }
    // The queue stands where the rules put it: reconciling changes nothing.
    for (const [customerId, o] of overdraft) {
      const balance = (await db.prepare('select balance_centi as b from customers where id = ?').bind(customerId).first<{ b: number }>())!
        .b;
      const queue: QueueOrder[] = orders
        .filter((x) => x.customerId === customerId)
        .map((x) => ({ id: x.id, status: x.status, approvedAt: x.approvedAt, stages: stages.filter((s) => s.orderId === x.id) }));
      expect(reconcile(balance, o, queue), `customer ${customerId}`).toEqual([]);
    }
  });

  it('top-ups are payments; a paid invoice is settled by its top-up; older months are closed', async () => {
    const topups = await all<any>(
      'select norm_hours_centi as n, money_minor as money, rate_minor as rate, payment_ref as ref, invoice_id as invoice from ' +
        "ledger_entries where kind = 'topup'",
    );
    expect(topups.length).toBeGreaterThan(5);
    for (const t of topups) {
      expect(t.ref.length, 'a payment reference').toBeGreaterThan(3);
      expect(t.money).toBe(topupFromHours(t.n, t.rate).amountMinor);
    }
    const invoices = await all<any>(
      'select id, status, norm_hours_centi as n, subtotal_minor as subtotal, paid_entry_id as paid from invoices',
    );
    expect(invoices.map((i) => i.status).sort()).toEqual(['issued', 'paid']);
    const paid = invoices.find((i) => i.status === 'paid');
    const settling = await db
      .prepare('select id, norm_hours_centi as n, money_minor as money from ledger_entries where invoice_id = ?')
      .bind(paid.id)
      .first<any>();
    expect(settling).toMatchObject({ id: paid.paid, n: paid.n, money: paid.subtotal });
    const periods = await all<{ month: string; end: string }>(
      "select month, end_at as end from accounting_periods where status = 'closed' order by month",
    );
    expect(periods.length).toBeGreaterThan(3);
    // Nothing in the ledger is dated in a closed month after it closed (the seed closes them last).
    const insertAfter = db.prepare(
      "insert into ledger_entries (customer_id, kind, norm_hours_centi, memo, at, created_at) values (1, 'topup', 1, 'x', ?, ?)",
    );
    await expect(insertAfter.bind(`${periods[0]!.month}-15T00:00:00.000Z`, new Date().toISOString()).run()).rejects.toThrow(
      /period_closed/,
    );
  });

  it('the price list has the seed’s missing items, as the seed words them', async () => {
    const items = await all<{ code: string; section: string; name: string; mode: string; actual: number }>(
      'select code, section, name_ru as name, mode, actual_time as actual from catalog_items',
    );
    const byCode = new Map(items.map((i) => [i.code, i]));
    expect(byCode.get('4.14')?.name).toBe(
      'Настройка оформления СЭО ЗКЛ по материалам Заказчика (заполнение брифа и формирование заявки на стилизацию СЭО ЗКЛ выполняется ' +
        'ассистентом редактора)',
    );
    expect(items.filter((i) => i.section === '4')).toHaveLength(14);
    expect(items.filter((i) => i.section === '1').map((i) => i.name)).toEqual([
      'Выезд к Заказчику, очное консультирование сотрудников или использование каналов связи, не предусмотренных договором',
      'Проведение индивидуальных вебинаров',
      'Техническая поддержка сторонних модулей Moodle, не входящих в базовую поставку СЭО ЗКЛ',
      'Нестандартное конфигурирование системы (организация кластера, горячее резервирование и т. п.)',
    ]);
    for (const code of ['1.1', '1.2', '1.3', '1.4', '4.14']) expect(byCode.get(code), code).toMatchObject({ mode: 'estimate', actual: 1 });
  });

  it(
    'service requests as the API would have kept them: numbered in order, deadlines from the SLA level and the calendar, the first ' +
      'staff answer stops the clock',
    async () => {
      const requests = await all<any>(
        'select id, number, status, sla_level as level, due_at as dueAt, first_answer_at as firstAnswerAt, created_at as createdAt from ' +
          'service_requests order by id',
      );
      const comments = await all<any>('select request_id as requestId, author, created_at as at from request_comments order by id');
      expect(requests.length).toBeGreaterThanOrEqual(5);
      // Gap-free per year (R-2026-0001, …), in the order they were raised.
      const seen = new Map<string, number>();
      for (const r of requests) {
        const year = r.number.slice(2, 6);
        seen.set(year, (seen.get(year) ?? 0) + 1);
        expect(r.number).toBe(`R-${year}-${String(seen.get(year)).padStart(4, '0')}`);
      }
      for (const r of requests) {
        expect(r.dueAt).toBe(reactionDeadline(r.createdAt, r.level as SlaLevelCode, DEFAULT_WORKING_CALENDAR));
        const staff = comments.filter((c) => c.requestId === r.id && c.author === 'staff');
        expect(r.firstAnswerAt).toBe(staff[0]?.at ?? null);
        for (const c of comments.filter((x) => x.requestId === r.id)) expect(c.at >= r.createdAt).toBe(true);
      }
      // The inbox has something to flag: an open request past its deadline with no answer.
      expect(
        requests.some((r) => SLA_RUNNING_STATUSES.includes(r.status) && r.firstAnswerAt === null && Date.parse(r.dueAt) < Date.now()),
      ).toBe(true);
      const counter = await all<{ value: number }>("select value from counters where name like 'request:%'");
      expect(counter.reduce((a, c) => a + c.value, 0)).toBe(requests.length);
    },
  );
});
