/**
 * A synthetic estimate for the PDF's unit tests, the bench and by-hand previews: `n` priced
 * lines cycling through the demo price list (a section heading every `sectionEvery` lines),
 * built by the domain's own buildQuoteView, so every figure is the API's.
 */
import { SEED_CATEGORIES, SEED_ITEMS } from '../schema/seed/catalog';
import { buildQuoteView, type LineRecord, type QuoteRecord } from '../worker/domain/quote';
import type { EstimatePdfInput } from '../worker/pdf/estimate';

const categoryOf = new Map(SEED_CATEGORIES.map((c) => [c.code, c]));

export interface SampleOptions {
  sectionEvery?: number;
  title?: string;
  customerNote?: string;
  vatMode?: QuoteRecord['vatMode'];
  discountRateMilli?: number;
  status?: QuoteRecord['status'];
  revision?: number;
  /** Overrides per line index (title, note…). */
  line?: (i: number) => Partial<LineRecord>;
}

export function sampleQuote(n: number, o: SampleOptions = {}) {
  const lines: LineRecord[] = [];
  let position = 0;
  for (let i = 0; i < n; i++) {
    const base = { catalogItemId: null, projectId: null, actualTime: false, kReason: '', note: '', inputs: '', result: '', limits: '' };
    if (o.sectionEvery && i % o.sectionEvery === 0) {
      position++;
      lines.push({
        ...base,
        id: 10_000 + i,
        position,
        kind: 'section',
        code: '',
        title: `Раздел ${i / o.sectionEvery + 1}. Работы этапа`,
        mode: 'estimate',
        quantityMilli: 1000,
        hoursCenti: null,
        kMilli: 1000,
        baseKMilli: 1000,
        categoryName: '',
        description: '',
      });
    }
    const item = SEED_ITEMS[i % SEED_ITEMS.length]!;
    const category = categoryOf.get(item.category)!;
    position++;
    lines.push({
      ...base,
      id: i + 1,
      position,
      kind: 'item',
      catalogItemId: (i % SEED_ITEMS.length) + 1,
      code: item.code,
      title: item.nameRu,
      mode: item.mode,
      actualTime: item.actualTime,
      quantityMilli: 1000 + (i % 3) * 500,
      hoursCenti: item.hoursCenti ?? 100 + ((i * 37) % 900),
      kMilli: category.kMilli,
      baseKMilli: category.kMilli,
      kReason: 'ВНУТРЕННЯЯ ПРИЧИНА K',
      categoryName: category.nameRu,
      description: item.description,
      ...o.line?.(i),
    });
  }
  const record: QuoteRecord = {
    id: 1,
    seriesId: 1,
    revision: o.revision ?? 1,
    number: `Q-2026-0042${(o.revision ?? 1) > 1 ? `-R${o.revision}` : ''}`,
    status: o.status ?? 'sent',
    version: 1,
    customerId: 1,
    title: o.title ?? `Внедрение СЭО: оформление и курсы (${n} строк)`,
    currency: 'RUB',
    rateMinor: 300_000,
    vatMode: o.vatMode ?? 'on_top',
    vatRateMilli: 220,
    discountRateMilli: o.discountRateMilli ?? 50,
    validUntil: '2099-12-31',
    customerNote: o.customerNote ?? 'Работы начинаются после пополнения баланса нормо-часов.',
    internalNote: 'СЕКРЕТ: можем дать скидку 15%',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    sentAt: '2026-12-01T10:00:00.000Z',
    supersededAt: null,
    answeredAt: null,
    answerName: null,
    answerMessage: null,
  };
  return buildQuoteView(record, lines, {
    today: '2026-12-01',
    customerName: 'Северный государственный университет',
    baseNumber: 'Q-2026-0042',
    latestRevision: record.revision,
    revisions: [
      {
        id: 1,
        revision: record.revision,
        number: record.number,
        status: record.status,
        validUntil: record.validUntil,
        sentAt: record.sentAt,
        supersededAt: null,
      },
    ],
    orderId: null,
  });
}

export function sampleInput(n: number, o: SampleOptions = {}): EstimatePdfInput {
  return {
    quote: sampleQuote(n, o),
    company: {
      name: 'ООО «Открытые технологии»',
      details: 'ИНН 7701234567 · КПП 770101001 · 119991, Москва, ул. Примерная, д. 1 · р/с 40702810000000000001 в ПАО «Банк»',
    },
    customer: {
      name: 'Северный государственный университет',
      legalName: 'ФГБОУ ВО «Северный государственный университет»',
      taxId: '2901000000',
      address: '163002, Архангельск, наб. Северной Двины, д. 17',
    },
    manager: { name: 'Мария Менеджерова', email: 'manager@demo.local', phone: '+7 495 000-00-00' },
    date: '2026-12-01',
    generatedAt: new Date('2026-12-01T10:00:00.000Z'),
  };
}
