import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isRealDate,
  localDate,
  localDater,
  localMonth,
  monthRange,
  monthsEndingWith,
  shiftMonth,
} from '../../worker/domain/calendar';
import { searchCatalog } from '../../worker/domain/catalog-search';
import { formatFixed, formatHours, formatMilli, formatMoney, formatPercentMilli, parseFixed } from '../../worker/domain/format';
import { SEED_ITEMS } from '../../schema/seed/catalog';

describe('months in the company’s time zone', () => {
  it('a debit at 00:30 Moscow time on the 1st belongs to the new month', () => {
    const instant = Date.parse('2026-10-31T21:30:00Z'); // 2026-11-01 00:30 in Moscow (UTC+3)
    expect(localMonth(instant, 'Europe/Moscow')).toBe('2026-11');
    expect(localMonth(instant, 'UTC')).toBe('2026-10');
  });

  it('month ranges start at local midnight, in UTC', () => {
    expect(monthRange('2026-11', 'Europe/Moscow')).toEqual({ start: '2026-10-31T21:00:00.000Z', end: '2026-11-30T21:00:00.000Z' });
    expect(monthRange('2026-12', 'UTC')).toEqual({ start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    // across a daylight-saving change: Berlin is UTC+1 in March, UTC+2 in April
    expect(monthRange('2026-03', 'Europe/Berlin')).toEqual({ start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z' });
  });

  it('every instant falls in exactly the month whose range contains it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
        fc.constantFrom('Europe/Moscow', 'UTC', 'Asia/Vladivostok', 'America/New_York', 'Europe/Berlin'),
        (instant, tz) => {
          const month = localMonth(instant, tz);
          const { start, end } = monthRange(month, tz);
          const iso = new Date(instant).toISOString();
          expect(iso >= start && iso < end).toBe(true);
        },
      ),
    );
  });

  it('the per-hour date cache agrees with localDate, across daylight-saving changes and odd offsets', () => {
    const zones = [
      'Europe/Moscow',
      'UTC',
      'America/New_York',
      'Europe/Berlin',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/St_Johns',
    ];
    // instants around each zone's 2026 transitions, and random ones
    const edges = [
      '2026-03-08T06:59:59.999Z',
      '2026-03-08T07:00:00Z',
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-04-04T15:00:00Z',
      '2026-04-04T14:59:59Z',
      '2026-10-25T00:30:00Z',
      '2026-11-01T05:59:00Z',
      '2026-11-01T06:00:00Z',
    ];
    for (const tz of zones) {
      const dateOf = localDater(tz);
      for (const iso of edges) expect(dateOf(Date.parse(iso)), `${tz} ${iso}`).toBe(localDate(Date.parse(iso), tz));
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }), {
          minLength: 1,
          maxLength: 40,
        }),
        (tz, instants) => {
          const dateOf = localDater(tz);
          // twice through the same dater: the second pass reads its cache
          for (const instant of [...instants, ...instants]) expect(dateOf(instant)).toBe(localDate(instant, tz));
        },
      ),
    );
    // every minute of a day with a transition (Berlin, 2026-10-25: 03:00 summer → 02:00 winter)
    const berlin = localDater('Europe/Berlin');
    for (let t = Date.parse('2026-10-24T20:00:00Z'); t < Date.parse('2026-10-25T04:00:00Z'); t += 60_000) {
      expect(berlin(t)).toBe(localDate(t, 'Europe/Berlin'));
    }
  });

  it('shifts months and lists the last twelve', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthsEndingWith('2026-03', 12)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('dates: real ones only, day arithmetic', () => {
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(localDate(Date.parse('2026-12-31T22:00:00Z'), 'Europe/Moscow')).toBe('2027-01-01');
  });
});

describe('formatting exact amounts', () => {
  it('money as 1 234 567,89 ₽ in Russian and ₽1,234,567.89 in English', () => {
    expect(formatMoney(123_456_789, 'RUB', 'ru')).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(formatMoney(123_456_789, 'RUB', 'en')).toBe('₽1,234,567.89');
    expect(formatMoney(-5, 'RUB', 'ru')).toBe('−0,05\u00a0₽');
    expect(formatMoney(0, 'RUB', 'en')).toBe('₽0.00');
  });

  it('hours, K and percentages', () => {
    expect(formatHours(2000, 'ru')).toBe('20,00\u00a0ч');
    expect(formatHours(2000, 'en')).toBe('20.00\u00a0h');
    expect(formatMilli(600, 'ru')).toBe('0,6');
    expect(formatMilli(1500, 'en')).toBe('1.5');
    expect(formatMilli(2000, 'en')).toBe('2');
    expect(formatPercentMilli(220, 'ru')).toBe('22\u00a0%');
    expect(formatPercentMilli(105, 'en')).toBe('10.5\u00a0%');
  });

  it('parses what people type, and formatting round-trips', () => {
    expect(parseFixed('1 234,5', 2)).toBe(123_450);
    expect(parseFixed('0.6', 3)).toBe(600);
    expect(parseFixed(',5', 2)).toBe(50);
    expect(parseFixed('12,345', 2)).toBeNull(); // more places than allowed
    expect(parseFixed('12,340', 2)).toBe(1234);
    expect(parseFixed('abc', 2)).toBeNull();
    expect(parseFixed('', 2)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.constantFrom<'ru' | 'en'>('ru', 'en'), (v, lang) => {
        expect(parseFixed(formatFixed(v, 2, lang).replace(/,/g, lang === 'en' ? '' : ','), 2)).toBe(v);
      }),
    );
  });
});

describe('catalog search', () => {
  const items = SEED_ITEMS.map((i) => ({ code: i.code, name: i.nameRu, nameEn: i.nameEn, description: i.description }));

  it('typing "2.5" or "внедрение" finds the implementation service first', () => {
    expect(searchCatalog(items, '2.5')[0]?.code).toBe('2.5');
    expect(searchCatalog(items, 'внедрение')[0]?.code).toBe('2.5');
    expect(searchCatalog(items, 'Внедрения')[0]?.code).toBe('2.5');
    expect(searchCatalog(items, 'implementation')[0]?.code).toBe('2.5');
  });

  it('codes match by prefix; nonsense finds nothing', () => {
    expect(searchCatalog(items, '4.1').map((i) => i.code)).toEqual(['4.1', '4.10', '4.11', '4.12', '4.13', '4.14']);
    expect(searchCatalog(items, 'зеленый слон')).toEqual([]);
  });
});
