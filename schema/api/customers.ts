/** Customers and their balances. */
import { z } from '@hono/zod-openapi';
import { LANGS } from '../../worker/domain/enums';
import { isRealDate } from '../../worker/domain/calendar';
import { MAX_HOURS_CENTI, NOTHING_TO_CHANGE, type Role, changesSomething, int, name, text } from './common';
import type { Me, User } from './staff';
import type { Settings } from './settings';
import { LowBalanceS } from './money';
import type { CatalogItem, Category } from './catalog';

const customerFields = {
  name: name(),
  legalName: text(300).optional(),
  taxId: z
    .string()
    .trim()
    .max(20)
    .regex(/^[0-9]*$/, 'digits only')
    .optional(),
  email: z.union([z.literal(''), z.string().trim().email().max(254)]).optional(),
  phone: text(50).optional(),
  contactName: text(200).optional(),
  address: text(500).optional(),
  notes: text(5_000).optional(),
  lang: z.enum(LANGS).optional().openapi({ description: 'the language the customer reads: their page, documents, e-mails (default ru)' }),
  overdraftCenti: int().min(0).max(MAX_HOURS_CENTI).optional(),
  lowBalanceCenti: int()
    .min(0)
    .max(MAX_HOURS_CENTI)
    .nullable()
    .optional()
    .openapi({ description: 'flag the customer below this balance; null: what their next stages need' }),
};

export const NewCustomerBody = z.object(customerFields).strict().openapi('NewCustomerBody');
export const CustomerPatchBody = z
  .object({
    ...customerFields,
    name: name().optional(),
    version: int().min(1).optional(),
    serviceEndsOn: z.string().refine(isRealDate, 'a date YYYY-MM-DD').nullable().optional().openapi({
      description: 'admin only: the last day of service; the customer may download their data for 30 days after (null: service goes on)',
    }),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('CustomerPatchBody');

export const Customer = z
  .object({
    id: int(),
    name: z.string(),
    legalName: z.string(),
    taxId: z.string(),
    email: z.string(),
    phone: z.string(),
    contactName: z.string(),
    address: z.string(),
    notes: z.string(),
    lang: z.enum(LANGS),
    overdraftCenti: int(),
    balanceCenti: int(),
    lowBalanceCenti: int().nullable(),
    lowBalance: LowBalanceS.optional().openapi({
      description: 'below the threshold: their own, or what the next stages need (the list and one customer)',
    }),
    serviceEndsOn: z.string().nullable().optional(),
    deletionDueAt: z.string().nullable().optional(),
    anonymisedAt: z.string().nullable().optional(),
    createdAt: z.string(),
    version: int(),
  })
  .openapi('Customer');

export const Balance = z
  .object({ customerId: int(), normHoursCenti: int(), overdraftCenti: int(), availableCenti: int() })
  .openapi('Balance');

export type CatalogItemT = z.infer<typeof CatalogItem>;
export type CategoryT = z.infer<typeof Category>;
export type SettingsT = z.infer<typeof Settings>;
export type CustomerT = z.infer<typeof Customer>;
export type MeT = z.infer<typeof Me>;
export type UserT = z.infer<typeof User>;
export type RoleT = z.infer<typeof Role>;
