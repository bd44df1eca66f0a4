/** Price-list settings. */
import { z } from '@hono/zod-openapi';
import { Currency, IsoDate, NOTHING_TO_CHANGE, RateMilli, RateMinor, VatMode, changesSomething, int, name, text } from './common';

export const Settings = z
  .object({
    rateMinor: int(),
    currency: z.string(),
    vatRateMilli: int(),
    vatMode: VatMode,
    timeZone: z.string(),
    companyName: z.string(),
    companyDetails: z.string(),
    quoteValidityDays: int(),
    shareLinkDays: int(),
    backdateDays: int().openapi({ description: 'how many days back a ledger entry may be dated' }),
    logoDataUrl: z.string().openapi({ description: 'the company’s logo as a data: URL (PNG, JPEG or SVG), or empty' }),
    workingDays: z.array(int()).openapi({ description: 'ISO weekdays worked: 1 Monday … 7 Sunday' }),
    dayStart: z.string().openapi({ example: '09:00' }),
    dayEnd: z.string().openapi({ example: '18:00' }),
    holidays: z.array(z.string()).openapi({ description: 'company dates not worked, YYYY-MM-DD' }),
    workdaysOverride: z.array(z.string()).openapi({ description: 'dates worked although their weekday is not, YYYY-MM-DD' }),
    version: int(),
    updatedAt: z.string(),
  })
  .openapi('Settings');

export const SettingsPatchBody = z
  .object({
    version: int().min(1).optional(),
    rateMinor: RateMinor.optional(),
    currency: Currency.optional(),
    vatRateMilli: RateMilli.optional(),
    vatMode: VatMode.optional(),
    timeZone: z.string().min(1).max(64).optional(),
    companyName: name().optional(),
    companyDetails: text(2000).optional(),
    quoteValidityDays: int().min(1).max(365).optional(),
    shareLinkDays: int().min(1).max(365).optional(),
    backdateDays: int().min(0).max(3650).optional(),
    logoDataUrl: z
      .union([
        z.literal(''),
        z
          .string()
          .max(280_000)
          .regex(
            /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/,
            'a PNG, JPEG or SVG image as a base64 data: URL (at most 200 KB)',
          ),
      ])
      .optional(),
    workingDays: z.array(int().min(1).max(7)).min(1).max(7).optional(),
    dayStart: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM')
      .optional(),
    dayEnd: z
      .string()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time HH:MM, 24:00 at the latest')
      .optional(),
    holidays: z.array(IsoDate).max(1000).optional(),
    workdaysOverride: z.array(IsoDate).max(1000).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('SettingsPatchBody');
