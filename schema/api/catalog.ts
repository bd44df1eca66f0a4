/** The price list: categories and items. */
import { z } from '@hono/zod-openapi';
import { ITEM_MODES } from '../../worker/domain/enums';
import { HoursCenti, KMilli, NOTHING_TO_CHANGE, changesSomething, int, name, text } from './common';

export const Category = z
  .object({ id: int(), code: z.string(), name: z.string(), nameEn: z.string(), kMilli: int(), active: z.boolean(), version: int() })
  .openapi('Category');

export const NewCategoryBody = z
  .object({ code: z.string().trim().min(1).max(40), name: name(), nameEn: name(), kMilli: KMilli })
  .strict()
  .openapi('NewCategoryBody');

export const CategoryPatchBody = z
  .object({ name: name().optional(), nameEn: name().optional(), kMilli: KMilli.optional(), active: z.boolean().optional() })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('CategoryPatchBody');

export const CatalogItem = z
  .object({
    id: int(),
    code: z.string(),
    name: z.string().openapi({ description: 'Russian name (the price list’s own)' }),
    nameEn: z.string(),
    section: z.string(),
    mode: z.enum(ITEM_MODES),
    actualTime: z.boolean().openapi({ description: 'debited by the hours actually spent × K' }),
    hoursCenti: int().nullable(),
    categoryId: int(),
    categoryName: z.string(),
    categoryNameEn: z.string(),
    kMilli: int(),
    description: z.string(),
    inputs: z.string(),
    result: z.string(),
    limits: z.string(),
    active: z.boolean(),
    sortOrder: int(),
    version: int(),
  })
  .openapi('CatalogItem');

const catalogCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[0-9A-Za-zА-Яа-я.\-_]+$/, 'letters, digits, dots and dashes only');

const catalogFields = {
  name: name(),
  nameEn: name().optional(),
  section: z.string().trim().min(1).max(20).optional(),
  mode: z.enum(ITEM_MODES),
  actualTime: z.boolean().optional(),
  hoursCenti: HoursCenti.nullable().optional(),
  categoryId: int().min(1),
  kMilli: KMilli.optional(),
  description: text(20_000).optional(),
  inputs: text(5_000).optional(),
  result: text(5_000).optional(),
  limits: text(10_000).optional(),
  active: z.boolean().optional(),
  sortOrder: int().min(0).max(1_000_000).optional(),
};

export const NewCatalogItemBody = z
  .object({ code: catalogCode, ...catalogFields })
  .strict()
  .openapi('NewCatalogItemBody');

export const CatalogItemPatchBody = z
  .object({
    version: int().min(1).optional(),
    code: catalogCode.optional(),
    ...catalogFields,
    name: name().optional(),
    mode: z.enum(ITEM_MODES).optional(),
    categoryId: int().min(1).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('CatalogItemPatchBody');
