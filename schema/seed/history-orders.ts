/**
 * The demo's quotes and work orders: quotes in every state, accepted ones turned into orders cut
 * by line, their stages signed off month by month as the API signs them off — «по оценке» lines
 * by the hours actually spent (a little over or under the estimate, the overrun confirmed), the
 * money on the accepted quote's terms (domain/sign-off.ts).
 */
import type { QuoteTerms } from '../../worker/domain/debit-money';
import type { QueueOrder, StageLine } from '../../worker/domain/ledger';
import { lineNormHoursCenti } from '../../worker/domain/pricing';
import { searchText } from '../../worker/domain/search-text';
import { signOff } from '../../worker/domain/sign-off';
import { SEED_CATEGORIES, SEED_ITEMS } from './catalog';
import { DEMO_CUSTOMERS, DEMO_SETTINGS } from './demo';
import { ACCOUNTANT, DAY, MANAGER, type Book } from './history-book';
import { insertSql } from './sql';

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
  /** For accepted quotes: the day offsets after approval on which stages were signed off. */
  acceptedStages?: number[];
  terms?: Partial<Omit<QuoteTerms, 'rateMinor'>>;
}

const QUOTES: QuoteSpec[] = [
  {
    customer: 1,
    title: 'Оформление портала по брендбуку',
    lines: [{ code: '2.3' }, { code: '4.12', hoursCenti: 300 }],
    ageDays: 340,
    state: 'accepted',
    acceptedStages: [20, 35],
  },
  {
    customer: 2,
    title: 'Прототип СЭО для пилотной группы',
    lines: [{ code: '2.4' }, { code: '2.6', hoursCenti: 400 }],
    ageDays: 320,
    state: 'accepted',
    acceptedStages: [15, 24],
  },
  {
    customer: 1,
    title: 'Внедрение: роли, структура, курс',
    lines: [{ code: '2.5' }, { code: '4.4', hoursCenti: 600 }, { code: '4.9', hoursCenti: 450 }],
    ageDays: 270,
    state: 'accepted',
    acceptedStages: [30, 60, 75],
    terms: { discountRateMilli: 100 },
  },
  { customer: 3, title: 'Шаблон оформления по макету', lines: [{ code: '2.2' }], ageDays: 250, state: 'accepted', acceptedStages: [21] },
  {
    customer: 2,
    title: 'Интеграция с платёжным шлюзом',
    lines: [
      { code: '3.2.1', hoursCenti: 2400 },
      { code: '2.9', hoursCenti: 300 },
    ],
    ageDays: 200,
    state: 'accepted',
    acceptedStages: [40, 52],
    terms: { vatMode: 'included' },
  },
  {
    customer: 3,
    title: 'Наполнение курсов колледжа',
    lines: [
      { code: '4.1', quantityMilli: 3000, hoursCenti: 250 },
      { code: '4.2', quantityMilli: 3000, hoursCenti: 150 },
      { code: '4.8', hoursCenti: 400 },
    ],
    ageDays: 150,
    state: 'accepted',
    acceptedStages: [18, 33, 47],
  },
  {
    customer: 1,
    title: 'Отчёт по успеваемости с выгрузкой в xls',
    lines: [
      { code: '3.3.2', hoursCenti: 3200 },
      { code: '4.13', hoursCenti: 350 },
    ],
    ageDays: 100,
    state: 'accepted',
    acceptedStages: [45, 70],
  },
  {
    customer: 2,
    title: 'Аттестация инсталляции',
    lines: [
      { code: '2.7', hoursCenti: 1200 },
      { code: '5.3', hoursCenti: 600 },
    ],
    ageDays: 60,
    state: 'accepted',
    acceptedStages: [25, 48],
    terms: { vatMode: 'none', vatRateMilli: 0 },
  },
  {
    customer: 3,
    title: 'Новый элемент курса с оцениванием',
    lines: [
      { code: '3.4.2', hoursCenti: 4800 },
      { code: '4.11', hoursCenti: 300 },
    ],
    ageDays: 40,
    state: 'accepted',
    acceptedStages: [30],
  },
  // Its first stage took the balance low: the second waits for a top-up (a paused order for the screens).
  {
    customer: 2,
    title: 'Обмен данными с 1С',
    lines: [
      { code: '3.2.4', hoursCenti: 4000 },
      { code: '3.3.1', hoursCenti: 2400 },
    ],
    ageDays: 30,
    state: 'accepted',
    acceptedStages: [10],
  },
  {
    customer: 1,
    title: 'Перенос инсталляции и резервное копирование',
    lines: [
      { code: '5.2', hoursCenti: 1600 },
      { code: '5.3', hoursCenti: 500 },
    ],
    ageDays: 20,
    state: 'sent',
  },
  {
    customer: 2,
    title: 'Сертификаты и ограничения доступа',
    lines: [
      { code: '4.12', hoursCenti: 300 },
      { code: '4.13', hoursCenti: 400 },
    ],
    ageDays: 12,
    state: 'changes_requested',
  },
  {
    customer: 3,
    title: 'Доработка отчёта для деканата',
    lines: [{ code: '3.3.1' }, { code: '2.6', hoursCenti: 200 }],
    ageDays: 3,
    state: 'draft',
  },
];

/** Actual hours come out a little off their estimate, as they do: over, under, exact, in turn. */
const ACTUAL_FACTOR = [1.1, 0.9, 1];

export interface DemoOrder {
  customer: number;
  queue: QueueOrder;
  row: Record<string, string | number | boolean | null>;
}

const itemIndex = (code: string) => {
  const i = SEED_ITEMS.findIndex((x) => x.code === code);
  if (i < 0) throw new Error(`no demo item ${code}`);
  return i;
};

export function quotesAndOrders(book: Book): DemoOrder[] {
  const orders: DemoOrder[] = [];
  for (const q of [...QUOTES].sort((a, b) => b.ageDays - a.ageDays)) {
    const created = book.ago(q.ageDays);
    const y = book.year(created);
    const seq = book.next(`quote:${y}`);
    const number = `Q-${y}-${String(seq).padStart(4, '0')}`;
    const id = ++book.ids.quote;
    const sent = created + 2 * DAY;
    const answered = created + 5 * DAY;
    const status = q.state;
    const validUntil = book.date(created + 32 * DAY);
    const terms = { discountRateMilli: 0, vatMode: DEMO_SETTINGS.vatMode, vatRateMilli: DEMO_SETTINGS.vatRateMilli, ...q.terms };
    const contact = DEMO_CUSTOMERS[q.customer - 1]!.contactName;
    const answeredState = status === 'accepted' || status === 'changes_requested';
    book.row('quote_series', {
      id,
      number,
      year: y,
      seq,
      customer_id: q.customer,
      created_at: book.iso(created),
      create_token: `demo-series-${id}`,
    });
    book.row('quotes', {
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
      vat_mode: terms.vatMode,
      vat_rate_milli: terms.vatRateMilli,
      discount_rate_milli: terms.discountRateMilli,
      valid_until: status === 'draft' ? null : validUntil,
      customer_note: status === 'draft' ? '' : 'Оплата нормо-часами расширенной технической поддержки.',
      internal_note: '',
      search_text: `${number.toLowerCase()} ${searchText(q.title)}`,
      created_by: MANAGER,
      created_at: book.iso(created),
      updated_at: book.iso(status === 'draft' ? created : status === 'sent' ? sent : answered),
      sent_at: status === 'draft' ? null : book.iso(sent),
      answered_at: answeredState ? book.iso(answered) : null,
      answer_name: answeredState ? contact : null,
      answer_message: status === 'changes_requested' ? 'Просим разбить работы на два этапа и уточнить сроки.' : null,
    });
    const audit = (at: number, action: string, changes: object, customer = false) =>
      book.row('audit_log', {
        series_id: id,
        quote_id: id,
        at: book.iso(at),
        actor_kind: customer ? 'customer' : 'user',
        actor_user_id: customer ? null : MANAGER,
        actor_name: customer ? contact : 'Максим Менеджеров',
        ...(customer ? { ip: '198.51.100.24', user_agent: 'Mozilla/5.0' } : {}),
        action,
        changes: JSON.stringify(changes),
      });
    audit(created, 'created', { title: q.title });
    if (status !== 'draft') audit(sent, 'sent', { validUntil });
    if (answeredState) audit(answered, status, { name: contact }, true);

    const lines = q.lines.map((spec, position) => {
      const item = SEED_ITEMS[itemIndex(spec.code)]!;
      const category = SEED_CATEGORIES.find((c) => c.code === item.category)!;
      const row = {
        id: ++book.ids.line,
        quote_id: id,
        position: position + 1,
        kind: 'item',
        catalog_item_id: itemIndex(spec.code) + 1,
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
      book.row('quote_lines', row);
      return row;
    });
    if (status === 'accepted') orders.push(workOrder(book, q, id, lines, answered, terms));
  }
  return orders;
}

type LineRow = {
  id: number;
  code: string;
  title: string;
  category_name: string;
  mode: string;
  actual_time: boolean;
  quantity_milli: number;
  hours_centi: number | null;
  k_milli: number;
};

/** The order of an accepted quote, one stage per line, and the sign-offs of its accepted stages. */
function workOrder(
  book: Book,
  q: QuoteSpec,
  quoteId: number,
  lines: LineRow[],
  approved: number,
  terms: Omit<QuoteTerms, 'rateMinor'>,
): DemoOrder {
  const y = book.year(approved);
  const orderNumber = `WO-${y}-${String(book.next(`order:${y}`)).padStart(4, '0')}`;
  const oid = ++book.ids.order;
  const signedOn = q.acceptedStages ?? [];
  const allDone = signedOn.length === lines.length;
  const queue: QueueOrder = {
    id: oid,
    status: allDone ? 'done' : signedOn.length ? 'in_progress' : 'queued',
    approvedAt: book.iso(approved),
    stages: [],
  };
  const stageLine = (l: LineRow): StageLine => ({
    lineId: l.id,
    code: l.code,
    title: l.title,
    categoryName: l.category_name,
    mode: l.mode as StageLine['mode'],
    actualTime: l.actual_time,
    quantityMilli: l.quantity_milli,
    hoursCenti: l.hours_centi ?? 0,
    kMilli: l.k_milli,
  });
  const view = {
    rateMinor: DEMO_SETTINGS.rateMinor,
    currency: 'RUB',
    terms,
    stages: lines.map((l, i) => ({ n: i + 1, lines: [stageLine(l)] })),
  };
  lines.forEach((line, i) => {
    const sid = ++book.ids.stage;
    const n = i + 1;
    const norm = lineNormHoursCenti({ quantityMilli: line.quantity_milli, hoursCenti: line.hours_centi, kMilli: line.k_milli })!;
    const hours = Math.round((line.quantity_milli * (line.hours_centi ?? 0)) / 1000);
    const acceptedAt = signedOn[i] === undefined ? null : approved + signedOn[i]! * DAY;
    const actual = line.mode === 'estimate' && acceptedAt ? Math.round(hours * ACTUAL_FACTOR[i % ACTUAL_FACTOR.length]!) : null;
    queue.stages.push({ n, status: acceptedAt ? 'accepted' : 'pending', normHoursCenti: norm });
    let debited: { centi: number; netMinor: number } | null = null;
    if (acceptedAt) {
      const signed = signOff(view, n, {
        lines: actual === null ? [] : [{ lineId: line.id, actualHoursCenti: actual }],
        confirmOverrun: true,
      });
      if (!signed.ok) throw new Error(`demo stage ${orderNumber}/${n}: ${signed.refusal.en}`);
      const { debit, money } = signed.value;
      const item = { ...debit.items[0]!, ...money.items[0]! };
      debited = { centi: debit.normHoursCenti, netMinor: money.netMinor };
      book.entry(
        acceptedAt,
        q.customer,
        -debit.normHoursCenti,
        {
          kind: 'debit',
          memo: `${orderNumber} · ${n}. ${line.code} ${line.title}`.slice(0, 500),
          order_id: oid,
          stage_id: sid,
          idempotency_key: `demo:${oid}:${n}`,
        },
        { ...neg(money), rateMinor: DEMO_SETTINGS.rateMinor, ...terms },
        (entry) => [
          insertSql('debit_items', {
            entry_id: entry,
            line_id: line.id,
            code: line.code,
            title: line.title,
            category_name: line.category_name,
            hours_centi: item.hoursCenti,
            k_milli: line.k_milli,
            norm_hours_centi: -item.normHoursCenti,
            planned_hours_centi: item.plannedHoursCenti,
            planned_norm_hours_centi: item.plannedNormHoursCenti,
            ...Object.fromEntries(Object.entries(neg(item)).map(([k, v]) => [SNAKE[k as keyof typeof SNAKE], v])),
          }),
        ],
      );
    }
    book.afterOrders.push(
      insertSql('order_stages', {
        id: sid,
        order_id: oid,
        n,
        title: `${line.code} ${line.title}`,
        status: acceptedAt ? 'accepted' : 'pending',
        hours_centi: hours,
        norm_hours_centi: norm,
        debited_centi: debited?.centi ?? null,
        money_minor: debited?.netMinor ?? null,
        accepted_at: acceptedAt ? book.iso(acceptedAt) : null,
        accepted_by: acceptedAt ? ACCOUNTANT : null,
      }),
      insertSql('stage_lines', { stage_id: sid, line_id: line.id, actual_hours_centi: actual }),
    );
  });
  return {
    customer: q.customer,
    queue,
    row: {
      id: oid,
      number: orderNumber,
      quote_id: quoteId,
      customer_id: q.customer,
      status: queue.status,
      approved_at: book.iso(approved),
      rate_minor: DEMO_SETTINGS.rateMinor,
      currency: 'RUB',
      created_at: book.iso(approved + DAY),
      created_by: MANAGER,
      started_at: signedOn.length ? book.iso(approved + DAY) : null,
      finished_at: allDone ? book.iso(approved + signedOn[signedOn.length - 1]! * DAY) : null,
      create_token: `demo-order-${oid}`,
    },
  };
}

const SNAKE = {
  subtotalMinor: 'money_minor',
  discountMinor: 'discount_minor',
  netMinor: 'net_minor',
  vatMinor: 'vat_minor',
  totalMinor: 'total_minor',
} as const;

/** The money figures of a debit, negative as the ledger keeps them. */
function neg(m: { subtotalMinor: number; discountMinor: number; netMinor: number; vatMinor: number; totalMinor: number }) {
  return {
    subtotalMinor: -m.subtotalMinor,
    discountMinor: -m.discountMinor,
    netMinor: -m.netMinor,
    vatMinor: -m.vatMinor,
    totalMinor: -m.totalMinor,
  };
}
