/** Price-list settings. */
import { z } from '@hono/zod-openapi';
import { Currency, NOTHING_TO_CHANGE, RateMilli, RateMinor, VatMode, changesSomething, int, name, text } from './common';

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
          .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/, 'a PNG, JPEG or SVG image as a base64 data: URL (at most 200 KB)'),
      ])
      .optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('SettingsPatchBody');
