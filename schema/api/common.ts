/** Building blocks of the API schemas: units, ids, dates, texts, the error shape, PATCH rules. */
import { z } from '@hono/zod-openapi';
import { ROLES, VAT_MODES } from '../../worker/domain/enums';

export const MAX_HOURS_CENTI = 10_000_000; // 100 000 h
export const MAX_QUANTITY_MILLI = 10_000_000; // 10 000 units
export const MAX_K_MILLI = 5_000; // K ≤ 5
export const MAX_RATE_MINOR = 1_000_000_000; // 10 000 000.00 per norm-hour
export const MAX_RATE_MILLI = 1_000; // 100 %
export const MAX_MONEY_MINOR = 100_000_000_000_000; // 1 000 000 000 000.00

export const int = () => z.number().int();

/** A path parameter naming a row by its id (a positive 32-bit integer). */
export const pathId = (name: string) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .openapi({ param: { name: name, in: 'path' }, example: 1 });

export const IdParam = z.object({ id: pathId('id') });

/** A stage's number in its work order, as a path parameter. */
export const StageNumber = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .openapi({ param: { name: 'n', in: 'path' }, example: 1 });

/** A customer link's secret as a path parameter (43 base64url characters). */
export const pathToken = (description: string) =>
  z.string().openapi({ param: { name: 'token', in: 'path' }, description: description, example: 'x'.repeat(43) });

export const HoursCenti = int().min(1).max(MAX_HOURS_CENTI).openapi({ description: 'hundredths of an hour', example: 2000 });
export const QuantityMilli = int().min(1).max(MAX_QUANTITY_MILLI).openapi({ description: 'thousandths', example: 1000 });
export const KMilli = int().min(0).max(MAX_K_MILLI).openapi({ description: 'coefficient K in thousandths', example: 1000 });
export const RateMinor = int().min(1).max(MAX_RATE_MINOR).openapi({ description: 'money per norm-hour, minor units', example: 300000 });
export const RateMilli = int().min(0).max(MAX_RATE_MILLI).openapi({ description: 'thousandths: 220 = 22 %', example: 220 });
export const VatMode = z.enum(VAT_MODES);
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code')
  .openapi({ example: 'RUB' });
/** Calendar dates, instants and months this business deals in: the years 2000–2099. */
export const YEARS = { min: 2000, max: 2099 } as const;
export const realDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
};
export const IsoDate = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD in 2000–2099')
  .refine(realDate, { message: 'is not a real date', params: { ru: 'такой даты нет' } })
  .openapi({ example: '2026-12-31' });
export const IsoDateTime = z
  .string()
  .datetime({ offset: true })
  .refine(
    (v) => {
      const year = new Date(v).getUTCFullYear();
      return year >= YEARS.min && year <= YEARS.max;
    },
    { message: 'must be in the years 2000–2099', params: { ru: 'должно быть в 2000–2099 годах' } },
  )
  .openapi({ example: '2026-11-21T10:00:00Z' });
export const Month = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM in 2000–2099')
  .openapi({ example: '2026-11' });

export const text = (max: number) => z.string().max(max);

/** A PATCH must change something: at least one field besides `version`. */
export const changesSomething = (body: Record<string, unknown>) => Object.keys(body).some((k) => k !== 'version' && body[k] !== undefined);
export const NOTHING_TO_CHANGE = {
  message: 'nothing to change: give at least one field besides version',
  params: { ru: 'нечего менять: укажите хотя бы одно поле, кроме version' },
};
export const name = (max = 200) => z.string().trim().min(1).max(max);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const Role = z.enum(ROLES);
