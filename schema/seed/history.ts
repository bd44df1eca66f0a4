/**
 * A year of demo history for `npm start`: accepted quotes turned into work orders, stages
 * accepted month by month with their debits, top-ups, and a few quotes and orders in every
 * state the screens show (a draft, a sent one, changes requested, a running and a paused
 * order). Every figure is priced by the product's own pricing module, so the demo ledger,
 * reports and Excel files agree to the kopeck. Local demo data only.
 */
import { localDate } from '../../worker/domain/calendar';
import { reconcile, type QueueOrder } from '../../worker/domain/ledger';
import { lineNormHoursCenti, normHoursAmountMinor } from '../../worker/domain/pricing';
import { searchText } from '../../worker/domain/search-text';
import { SEED_CATEGORIES, SEED_ITEMS } from './catalog';
import { DEMO_CUSTOMERS, DEMO_SETTINGS } from './demo';
import { insertSql } from './sql';

const DAY = 86_400_000;
const MANAGER = 2;
const ACCOUNTANT = 3;

interface LineSpec {
  code: string;
  quantityMilli?: number;
  hoursCenti?: number;
}

interface QuoteSpec {
  customer: number;
  title: string;
  lines: LineSpec[];
  /** Days before now the quote was created. */
  ageDays: number;
  state: 'draft' | 'sent' | 'changes_requested' | 'accepted';
  /** For accepted quotes: how many stages are accepted so far, and on which day offsets after approval. */
  acceptedStages?: number[];
}

const QUOTES: QuoteSpec[] = [
  { customer: 1, title: 'Оформление портала по брендбуку', lines: [{ code: '2.3' }, { code: '4.12', hoursCenti: 300 }], ageDays: 340, state: 'accepted', acceptedStages: [20, 35] },
  { customer: 2, title: 'Прототип СЭО для пилотной группы', lines: [{ code: '2.4' }, { code: '2.6', hoursCenti: 400 }], ageDays: 320, state: 'accepted', acceptedStages: [15, 24] },
  { customer: 1, title: 'Внедрение: роли, структура, курс', lines: [{ code: '2.5' }, { code: '4.4', hoursCenti: 600 }, { code: '4.9', hoursCenti: 450 }], ageDays: 270, state: 'accepted', acceptedStages: [30, 60, 75] },
  { customer: 3, title: 'Шаблон оформления по макету', lines: [{ code: '2.2' }], ageDays: 250, state: 'accepted', acceptedStages: [21] },
  { customer: 2, title: 'Интеграция с платёжным шлюзом', lines: [{ code: '3.2.1', hoursCenti: 2400 }, { code: '2.9', hoursCenti: 300 }], ageDays: 200, state: 'accepted', acceptedStages: [40, 52] },
  { customer: 3, title: 'Наполнение курсов колледжа', lines: [{ code: '4.1', quantityMilli: 3000, hoursCenti: 250 }, { code: '4.2', quantityMilli: 3000, hoursCenti: 150 }, { code: '4.8', hoursCenti: 400 }], ageDays: 150, state: 'accepted', acceptedStages: [18, 33, 47] },
  { customer: 1, title: 'Отчёт по успеваемости с выгрузкой в xls', lines: [{ code: '3.3.2', hoursCenti: 3200 }, { code: '4.13', hoursCenti: 350 }], ageDays: 100, state: 'accepted', acceptedStages: [45, 70] },
  { customer: 2, title: 'Аттестация инсталляции', lines: [{ code: '2.7', hoursCenti: 1200 }, { code: '5.3', hoursCenti: 600 }], ageDays: 60, state: 'accepted', acceptedStages: [25, 48] },
  { customer: 3, title: 'Новый элемент курса с оцениванием', lines: [{ code: '3.4.2', hoursCenti: 4800 }, { code: '4.11', hoursCenti: 300 }], ageDays: 40, state: 'accepted', acceptedStages: [30] },
  { customer: 1, title: 'Перенос инсталляции и резервное копирование', lines: [{ code: '5.2', hoursCenti: 1600 }, { code: '5.3', hoursCenti: 500 }], ageDays: 20, state: 'sent' },
  { customer: 2, title: 'Сертификаты и ограничения доступа', lines: [{ code: '4.12', hoursCenti: 300 }, { code: '4.13', hoursCenti: 400 }], ageDays: 12, state: 'changes_requested' },
  { customer: 3, title: 'Доработка отчёта для деканата', lines: [{ code: '3.3.1' }, { code: '2.6', hoursCenti: 200 }], ageDays: 3, state: 'draft' },
];

const PROJECTS: {
  code: string;
  title: string;
  description: string;
  status: 'open' | 'in_development';
  ageDays: number;
  targetInDays: number;
  estimate: [string, number, string][];
  pledges: [number, number, 'promised' | 'confirmed', number][];
}[] = [
  {
    code: 'CF-2026-01',
    title: 'Журнал посещаемости с отметками преподавателя',
    description:
      '## Что получится\nПреподаватель отмечает присутствие на занятии прямо в курсе, слушатель видит свою посещаемость.\n\n- отметки «был», «опоздал», «уважительная причина»\n- сводка по группе и **выгрузка в xls**\n- учёт посещаемости в итоговой оценке\n\nМакет согласован с тремя вузами.',
    status: 'open',
    ageDays: 120,
    targetInDays: 90,
    estimate: [['developer', 6400, 'Плагин и отчёт'], ['designer', 800, 'Интерфейс отметок'], ['methodologist', 1200, 'Инструкция и демо-курс']],
    pledges: [[1, 2400, 'confirmed', 40], [2, 2000, 'promised', 10]],
  },
  {
    code: 'CF-2026-02',
    title: 'Вход через ЕСИА (Госуслуги)',
    description: '## Что получится\nВход слушателей через учётную запись Госуслуг с автоматическим созданием профиля.\n\n- привязка существующих учётных записей по СНИЛС\n- настройка полей профиля',
    status: 'open',
    ageDays: 80,
    targetInDays: 150,
    estimate: [['developer', 9600, 'Интеграция с ЕСИА'], ['engineer', 1600, 'Настройка и сертификаты']],
    pledges: [[3, 1500, 'promised', 20]],
  },
  {
    code: 'CF-2026-03',
    title: 'Напоминания слушателям в Telegram',
    description: '## Что получится\nБот напоминает о сроках заданий и тестов и присылает оценки.\n\n1. подписка из личного кабинета\n2. настройка расписания напоминаний\n3. отписка одной кнопкой',
    status: 'open',
    ageDays: 30,
    targetInDays: 60,
    estimate: [['developer', 3200, 'Бот и плагин'], ['content_assistant', 600, 'Тексты уведомлений']],
    pledges: [[1, 1000, 'promised', 5], [2, 1000, 'promised', 4], [3, 800, 'promised', 2]],
  },
];

/** Top-ups: [customer, days ago, norm-hours, kind, memo]. */
const TOPUPS: [number, number, number, 'tariff' | 'support' | 'contract', string][] = [
  [1, 355, 16_000, 'tariff', 'Тарифный план «Профессиональный», годовое пакетное начисление'],
  [2, 330, 6_000, 'support', 'Пакет расширенной технической поддержки, счёт № 118'],
  [3, 260, 3_000, 'support', 'Пакет расширенной технической поддержки, счёт № 204'],
  [2, 210, 4_000, 'contract', 'Договор № 45/П на интеграцию'],
  [3, 160, 2_500, 'support', 'Пакет расширенной технической поддержки, счёт № 311'],
  [2, 70, 1_500, 'support', 'Пакет расширенной технической поддержки, счёт № 402'],
  [3, 45, 2_000, 'support', 'Пакет расширенной технической поддержки, счёт № 455'],
  [3, 38, 6_000, 'contract', 'Договор № 77/Р на разработку модуля'],
  [1, 8, 4_000, 'support', 'Пакет расширенной технической поддержки, счёт № 498'],
];

const itemIndex = (code: string) => {
  const i = SEED_ITEMS.findIndex((x) => x.code === code);
  if (i < 0) throw new Error(`no demo item ${code}`);
  return i;
};

export function demoHistorySql(now: Date): string[] {
  const out: string[] = [];
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const year = (ms: number) => Number(localDate(ms, DEMO_SETTINGS.timeZone).slice(0, 4));
  const counters = new Map<string, number>();
  const stageSql: string[] = [];
  const next = (name: string) => {
    const v = (counters.get(name) ?? 0) + 1;
    counters.set(name, v);
    return v;
  };
  let quoteId = 0;
  let lineId = 0;
  let orderId = 0;
  let stageId = 0;
  const ledger: { at: number; sql: (id: number) => string[] }[] = [];
  const balances = new Map<number, number>();
  const orderRows: { row: Record<string, string | number | boolean | null>; queue: QueueOrder; customer: number }[] = [];
  const addBalance = (customer: number, centi: number) => balances.set(customer, (balances.get(customer) ?? 0) + centi);

  for (const [customer, age, hours, kind, memo] of TOPUPS) {
    const at = t - age * DAY;
    addBalance(customer, hours);
    ledger.push({
      at,
      sql: (entry) => [insertSql('ledger_entries', { id: entry, customer_id: customer, kind: 'topup', topup_kind: kind, norm_hours_centi: hours, money_minor: 0, memo, at: iso(at), created_at: iso(at), created_by: ACCOUNTANT })],
    });
  }

  for (const q of [...QUOTES].sort((a, b) => b.ageDays - a.ageDays)) {
    const created = t - q.ageDays * DAY;
    const y = year(created);
    const seq = next(`quote:${y}`);
    const number = `Q-${y}-${String(seq).padStart(4, '0')}`;
    const id = ++quoteId;
    const sent = created + 2 * DAY;
    const answered = created + 5 * DAY;
    const status = q.state;
    const validUntil = localDate(created + 32 * DAY, DEMO_SETTINGS.timeZone);
    out.push(insertSql('quote_series', { id, number, year: y, seq, customer_id: q.customer, created_at: iso(created), create_token: `demo-series-${id}` }));
    out.push(
      insertSql('quotes', {
        id,
        series_id: id,
        revision: 1,
        number,
        status,
        version: q.lines.length + (status === 'draft' ? 1 : 2),
        write_token: `demo-quote-${id}`,
        customer_id: q.customer,
        title: q.title,
        currency: 'RUB',
        rate_minor: DEMO_SETTINGS.rateMinor,
        vat_mode: 'on_top',
        vat_rate_milli: DEMO_SETTINGS.vatRateMilli,
        discount_rate_milli: 0,
        valid_until: status === 'draft' ? null : validUntil,
        customer_note: status === 'draft' ? '' : 'Оплата нормо-часами расширенной технической поддержки.',
        internal_note: '',
        search_text: `${number.toLowerCase()} ${searchText(q.title)}`,
        created_by: MANAGER,
        created_at: iso(created),
        updated_at: iso(status === 'draft' ? created : status === 'sent' ? sent : answered),
        sent_at: status === 'draft' ? null : iso(sent),
        answered_at: status === 'accepted' || status === 'changes_requested' ? iso(answered) : null,
        answer_name: status === 'accepted' || status === 'changes_requested' ? DEMO_CUSTOMERS[q.customer - 1]!.contactName : null,
        answer_message: status === 'changes_requested' ? 'Просим разбить работы на два этапа и уточнить сроки.' : null,
      }),
    );
    out.push(insertSql('audit_log', { series_id: id, quote_id: id, at: iso(created), actor_kind: 'user', actor_user_id: MANAGER, actor_name: 'Максим Менеджеров', action: 'created', changes: JSON.stringify({ title: q.title }) }));
    if (status !== 'draft') out.push(insertSql('audit_log', { series_id: id, quote_id: id, at: iso(sent), actor_kind: 'user', actor_user_id: MANAGER, actor_name: 'Максим Менеджеров', action: 'sent', changes: JSON.stringify({ validUntil }) }));
    if (status === 'accepted' || status === 'changes_requested') {
      out.push(
        insertSql('audit_log', {
          series_id: id,
          quote_id: id,
          at: iso(answered),
          actor_kind: 'customer',
          actor_name: DEMO_CUSTOMERS[q.customer - 1]!.contactName,
          ip: '198.51.100.24',
          user_agent: 'Mozilla/5.0',
          action: status,
          changes: JSON.stringify({ name: DEMO_CUSTOMERS[q.customer - 1]!.contactName }),
        }),
      );
    }

    const lines = q.lines.map((spec, position) => {
      const index = itemIndex(spec.code);
      const item = SEED_ITEMS[index]!;
      const category = SEED_CATEGORIES.find((c) => c.code === item.category)!;
      const row = {
        id: ++lineId,
        quote_id: id,
        position: position + 1,
        kind: 'item',
        catalog_item_id: index + 1,
        code: item.code,
        title: item.nameRu,
        mode: item.mode,
        actual_time: item.actualTime,
        quantity_milli: spec.quantityMilli ?? 1000,
        hours_centi: spec.hoursCenti ?? item.hoursCenti,
        k_milli: category.kMilli,
        base_k_milli: category.kMilli,
        k_reason: '',
        category_name: category.nameRu,
        description: item.description,
        inputs: item.inputs,
        result: item.result,
        limits: item.limits,
        note: '',
      };
      out.push(insertSql('quote_lines', row));
      return row;
    });

    if (status !== 'accepted') continue;
    const approved = answered;
    const oy = year(approved);
    const oseq = next(`order:${oy}`);
    const orderNumber = `WO-${oy}-${String(oseq).padStart(4, '0')}`;
    const oid = ++orderId;
    const acceptedDays = q.acceptedStages ?? [];
    const allDone = acceptedDays.length === lines.length;
    const queue: QueueOrder = { id: oid, status: allDone ? 'done' : acceptedDays.length ? 'in_progress' : 'queued', approvedAt: iso(approved), stages: [] };
    orderRows.push({
      customer: q.customer,
      queue,
      row: {
        id: oid,
        number: orderNumber,
        quote_id: id,
        customer_id: q.customer,
        status: queue.status,
        approved_at: iso(approved),
        rate_minor: DEMO_SETTINGS.rateMinor,
        currency: 'RUB',
        created_at: iso(approved + DAY),
        created_by: MANAGER,
        started_at: acceptedDays.length ? iso(approved + DAY) : null,
        finished_at: allDone ? iso(approved + acceptedDays[acceptedDays.length - 1]! * DAY) : null,
        create_token: `demo-order-${oid}`,
      },
    });
    lines.forEach((line, i) => {
      const sid = ++stageId;
      const billable = { quantityMilli: line.quantity_milli, hoursCenti: line.hours_centi, kMilli: line.k_milli };
      const norm = lineNormHoursCenti(billable)!;
      const hours = Math.round((line.quantity_milli * (line.hours_centi ?? 0)) / 1000);
      const acceptedAt = acceptedDays[i] === undefined ? null : approved + acceptedDays[i]! * DAY;
      // Actual-time services come out a little off their estimate, as they do.
      const actual = line.actual_time && acceptedAt ? Math.round(hours * 1.1) : null;
      const debitNorm = actual === null ? norm : lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: actual, kMilli: line.k_milli })!;
      const money = normHoursAmountMinor(debitNorm, DEMO_SETTINGS.rateMinor);
      queue.stages.push({ n: i + 1, status: acceptedAt ? 'accepted' : 'pending', normHoursCenti: norm });
      if (acceptedAt) addBalance(q.customer, -debitNorm);
      stageSql.push(
        insertSql('order_stages', {
          id: sid,
          order_id: oid,
          n: i + 1,
          title: `${line.code} ${line.title}`,
          status: acceptedAt ? 'accepted' : 'pending',
          hours_centi: hours,
          norm_hours_centi: norm,
          debited_centi: acceptedAt ? debitNorm : null,
          money_minor: acceptedAt ? money : null,
          accepted_at: acceptedAt ? iso(acceptedAt) : null,
          accepted_by: acceptedAt ? ACCOUNTANT : null,
        }),
      );
      stageSql.push(insertSql('stage_lines', { stage_id: sid, line_id: line.id, actual_hours_centi: actual }));
      if (acceptedAt) {
        ledger.push({
          at: acceptedAt,
          sql: (entry) => [
            insertSql('ledger_entries', {
              id: entry,
              customer_id: q.customer,
              kind: 'debit',
              norm_hours_centi: -debitNorm,
              money_minor: -money,
              rate_minor: DEMO_SETTINGS.rateMinor,
              memo: `${orderNumber} · ${i + 1}. ${line.code} ${line.title}`.slice(0, 500),
              at: iso(acceptedAt),
              created_at: iso(acceptedAt),
              created_by: ACCOUNTANT,
              order_id: oid,
              stage_id: sid,
              idempotency_key: `demo:${oid}:${i + 1}`,
            }),
            insertSql('debit_items', {
              entry_id: entry,
              code: line.code,
              title: line.title,
              category_name: line.category_name,
              hours_centi: actual ?? hours,
              k_milli: line.k_milli,
              norm_hours_centi: -debitNorm,
              money_minor: -money,
            }),
          ],
        });
      }
    });
  }

  // Crowdfunding projects (seed section 3.1): designed, estimated, waiting for customers.
  PROJECTS.forEach((pr, i) => {
    const pid = i + 1;
    const created = t - pr.ageDays * DAY;
    out.push(
      insertSql('crowdfunding_projects', {
        id: pid,
        code: pr.code,
        title: pr.title,
        description_md: pr.description,
        status: pr.status,
        target_date: localDate(t + pr.targetInDays * DAY, DEMO_SETTINGS.timeZone),
        links: '[]',
        created_at: iso(created),
        updated_at: iso(created),
        version: 1,
      }),
    );
    for (const [category, hoursCenti, title] of pr.estimate) {
      const cat = SEED_CATEGORIES.findIndex((c) => c.code === category);
      out.push(insertSql('project_estimates', { project_id: pid, category_id: cat + 1, title, k_milli: SEED_CATEGORIES[cat]!.kMilli, hours_centi: hoursCenti }));
    }
    pr.pledges.forEach(([customer, hoursCenti, status, age], j) => {
      const at = t - age * DAY;
      const pledgeId = i * 10 + j + 1;
      out.push(
        insertSql('pledges', {
          id: pledgeId,
          project_id: pid,
          customer_id: customer,
          norm_hours_centi: hoursCenti,
          status,
          pledged_on: localDate(at, DEMO_SETTINGS.timeZone),
          note: status === 'confirmed' ? 'Подтверждено письмом' : 'Обещано на встрече',
          created_at: iso(at),
          created_by: MANAGER,
          confirmed_at: status === 'confirmed' ? iso(at + DAY) : null,
        }),
      );
      if (status === 'confirmed') {
        addBalance(customer, -hoursCenti);
        const money = normHoursAmountMinor(hoursCenti, DEMO_SETTINGS.rateMinor);
        ledger.push({
          at: at + DAY,
          sql: (entry) => [
            insertSql('ledger_entries', {
              id: entry,
              customer_id: customer,
              kind: 'debit',
              norm_hours_centi: -hoursCenti,
              money_minor: -money,
              rate_minor: DEMO_SETTINGS.rateMinor,
              memo: `Взнос в проект ${pr.code} · ${pr.title}`,
              at: iso(at + DAY),
              created_at: iso(at + DAY),
              created_by: ACCOUNTANT,
              pledge_id: pledgeId,
              idempotency_key: `pledge:${pledgeId}`,
            }),
          ],
        });
      }
    });
  });

  // The queue as the app would have left it: running, paused for balance, or waiting.
  for (const customer of new Set(orderRows.map((o) => o.customer))) {
    const mine = orderRows.filter((o) => o.customer === customer);
    for (const change of reconcile(balances.get(customer) ?? 0, 0, mine.map((o) => o.queue))) {
      const o = mine.find((x) => x.queue.id === change.orderId)!;
      o.row.status = change.to;
      if (change.to === 'in_progress' && !o.row.started_at) o.row.started_at = iso(t - DAY);
    }
  }
  for (const o of orderRows) out.push(insertSql('orders', o.row));
  out.push(...stageSql);
  // Entry ids follow time, as they would have.
  ledger.sort((a, b) => a.at - b.at).forEach((entry, i) => out.push(...entry.sql(i + 1)));
  for (const [name, value] of counters) out.push(`INSERT INTO counters (name, value) VALUES ('${name}', ${value});`);
  return out;
}
