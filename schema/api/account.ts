/** The customer's account (issue 18): its link, what it shows, the customer's sign-off and withdrawal, end of service. */
import { z } from '@hono/zod-openapi';
import { AcceptStageBody } from './money';
import { CustomerRequest } from './requests';
import { int } from './common';

export const AccountLinkBody = z
  .object({
    expiresInDays: int().min(1).max(365).optional().openapi({ description: 'how long the link works (default 90 days)' }),
    email: z
      .boolean()
      .optional()
      .openapi({ description: 'e-mail the customer a link to their account (default: when the customer has an address)' }),
  })
  .strict()
  .openapi('AccountLinkBody');

export const AccountLinkCreated = z
  .object({ id: int(), url: z.string(), token: z.string(), expiresAt: z.string(), emailed: z.boolean() })
  .openapi('AccountLinkCreated');

export const AccountLinkInfo = z
  .object({
    id: int(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    firstOpenedAt: z.string().nullable(),
    lastOpenedAt: z.string().nullable(),
    openCount: int(),
    state: z.enum(['active', 'expired', 'revoked']),
    byEmail: z.boolean().openapi({ description: 'made by an e-mail as it left (not shown to staff)' }),
  })
  .openapi('AccountLinkInfo');

const personName = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .refine((s) => /\p{L}/u.test(s), { message: 'must be a person’s name', params: { ru: 'должно быть именем человека' } });

export const AccountAcceptBody = AcceptStageBody.extend({ name: personName }).strict().openapi('AccountAcceptBody');
export const AccountWithdrawBody = z
  .object({ name: personName, reason: z.string().trim().max(1_000).optional() })
  .strict()
  .openapi('AccountWithdrawBody');

const AccountStage = z.object({
  n: int(),
  title: z.string(),
  status: z
    .enum(['pending', 'ready', 'accepted', 'withdrawn'])
    .openapi({ description: 'ready: staff marked it «готов к приёмке», it waits for the customer’s sign-off' }),
  normHoursCenti: int(),
  debitedCenti: int().nullable(),
  actualTime: z.boolean().openapi({ description: 'the sign-off takes the hours actually spent' }),
  readyAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});

const AccountMonthS = z.object({
  month: z.string(),
  openingCenti: int(),
  topupsCenti: int(),
  debitsCenti: int(),
  correctionsCenti: int(),
  closingCenti: int(),
  statement: z.object({ xlsx: z.string(), pdf: z.string() }),
  entries: z.array(
    z.object({
      id: int(),
      kind: z.enum(['topup', 'debit', 'correction']),
      normHoursCenti: int(),
      totalMinor: int(),
      memo: z.string(),
      at: z.string(),
      balanceAfterCenti: int(),
    }),
  ),
});

export const AccountViewS = z
  .object({
    customer: z.object({
      name: z.string(),
      lang: z.enum(['ru', 'en']),
      serviceEndsOn: z.string().nullable(),
      dataAvailableUntil: z.string().nullable(),
    }),
    balanceCenti: int(),
    overdraftCenti: int(),
    availableCenti: int(),
    rateMinor: int(),
    currency: z.string(),
    balanceMoneyMinor: int().openapi({ description: 'the balance at today’s norm-hour rate, before VAT' }),
    covers: z
      .object({ orders: z.array(z.string()), short: z.object({ order: z.string(), needCenti: int(), shortCenti: int() }).nullable() })
      .openapi({ description: 'what the balance covers: the orders whose next step it pays, in queue order, and the first it does not' }),
    quotes: z.array(
      z.object({ number: z.string(), title: z.string(), status: z.string(), validUntil: z.string().nullable(), url: z.string() }),
    ),
    orders: z.array(
      z.object({
        id: int(),
        number: z.string(),
        title: z.string(),
        status: z.string(),
        queuePosition: int().nullable(),
        canWithdraw: z.boolean(),
        stages: z.array(AccountStage),
      }),
    ),
    ledger: z.array(AccountMonthS),
    requests: z.array(CustomerRequest),
    linkExpiresAt: z.string(),
  })
  .openapi('AccountView');

export const DueDeletion = z
  .object({
    id: int(),
    name: z.string(),
    serviceEndsOn: z.string().nullable(),
    dataAvailableUntil: z.string().nullable(),
    deletionDueAt: z.string().nullable(),
    balanceCenti: int(),
  })
  .openapi('DueDeletion');

export const AnonymiseBody = z
  .object({
    confirm: z.string().trim().min(1).max(200).openapi({ description: 'the customer’s name as it is now, typed by the admin to confirm' }),
  })
  .strict()
  .openapi('AnonymiseBody');
