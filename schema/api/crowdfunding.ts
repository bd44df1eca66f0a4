/** Crowdfunding projects, pledges, the comparison. */
import { z } from '@hono/zod-openapi';
import { PLEDGE_STATUSES, PROJECT_STATUSES, STORED_PROJECT_STATUSES } from '../../worker/domain/enums';
import { HoursCenti, IsoDate, KMilli, MAX_HOURS_CENTI, NOTHING_TO_CHANGE, changesSomething, int, name, text } from './common';

export const ProjectStatus = z.enum(PROJECT_STATUSES);
export const EstimateRowBody = z
  .object({
    kMilli: KMilli,
    hoursCenti: HoursCenti,
    categoryId: int().min(1).optional(),
    title: z.string().trim().max(300).optional(),
  })
  .strict();
const Link = z
  .object({
    title: z.string().trim().min(1).max(200),
    url: z
      .string()
      .trim()
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address'),
  })
  .strict();
const projectCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-zА-Яа-я.\-_]+$/, 'letters, digits, dots and dashes only');

export const NewProjectBody = z
  .object({
    code: projectCode,
    title: name(300),
    description: text(50_000).default(''),
    estimate: z.array(EstimateRowBody).min(1).max(100),
    targetDate: IsoDate.nullable().optional(),
    links: z.array(Link).max(20).optional(),
  })
  .strict()
  .openapi('NewProjectBody');

export const ProjectPatchBody = z
  .object({
    version: int().min(1),
    title: name(300).optional(),
    description: text(50_000).optional(),
    estimate: z.array(EstimateRowBody).min(1).max(100).optional(),
    targetDate: IsoDate.nullable().optional(),
    links: z.array(Link).max(20).optional(),
    status: z.enum(STORED_PROJECT_STATUSES).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('ProjectPatchBody');

export const PledgeBody = z
  .object({
    customerId: int().min(1),
    normHoursCenti: int().min(1).max(MAX_HOURS_CENTI).optional(),
    moneyMinor: int()
      .min(1)
      .max(1_000_000_000_000)
      .optional()
      .openapi({ description: 'alternatively: money, turned into norm-hours at the current rate' }),
    pledgedOn: IsoDate.optional(),
    note: text(1_000).optional(),
  })
  .strict()
  .openapi('PledgeBody');

export const Pledge = z
  .object({
    id: int(),
    projectId: int(),
    customerId: int(),
    customerName: z.string(),
    normHoursCenti: int(),
    moneyMinor: int(),
    status: z.enum(PLEDGE_STATUSES),
    pledgedOn: z.string(),
    note: z.string(),
    quoteId: int().nullable(),
    confirmedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .openapi('Pledge');

export const FundingS = z.object({
  priceMinor: int(),
  normHoursCenti: int(),
  promisedCenti: int(),
  confirmedCenti: int(),
  remainingCenti: int(),
  fundedMilli: int().openapi({ description: 'confirmed ÷ norm-hours, thousandths' }),
  promisedMilli: int().openapi({ description: 'promised (not yet confirmed) ÷ norm-hours, thousandths' }),
  overPledgedCenti: int(),
  funders: int(),
});

export const Project = z
  .object({
    id: int(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    status: ProjectStatus,
    targetDate: z.string().nullable(),
    links: z.array(z.object({ title: z.string(), url: z.string() })),
    estimate: z.array(z.object({ id: int(), categoryId: int().nullable(), title: z.string(), kMilli: int(), hoursCenti: int() })),
    rateMinor: int(),
    currency: z.string(),
    version: int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    pledges: z.array(Pledge),
  })
  .merge(FundingS)
  .openapi('Project');

export const CompareQuery = z.object({
  ids: z.string().max(200).openapi({ example: '1,2,3' }),
  n: z.coerce.number().int().min(1).max(50).default(2).openapi({ description: 'split the remainder among N more customers' }),
  customerId: z.coerce.number().int().min(1).optional().openapi({ description: 'whose balance to test against each share' }),
});

export const Comparison = z
  .object({
    n: int(),
    customer: z
      .object({
        id: int(),
        name: z.string(),
        balanceCenti: int(),
        overdraftCenti: int(),
        queuedCenti: int().openapi({ description: 'what the customer’s queued and running orders still need' }),
        availableCenti: int().openapi({ description: 'balance + overdraft − queued: what may cover a share' }),
      })
      .nullable(),
    projects: z.array(
      FundingS.extend({
        id: int(),
        code: z.string(),
        title: z.string(),
        status: ProjectStatus,
        targetDate: z.string().nullable(),
        perFunderCenti: int(),
        perFunderMinor: int(),
        sharesCenti: z.array(int()),
        customerCovers: z.boolean().nullable(),
        cofunders: z.array(z.object({ customerId: int(), name: z.string(), promisedCenti: int(), confirmedCenti: int() })),
      }),
    ),
  })
  .openapi('Comparison');

export const ProjectLineBody = z
  .object({
    quoteId: int().min(1),
    version: int().min(1),
    normHoursCenti: int()
      .min(1)
      .max(MAX_HOURS_CENTI)
      .optional()
      .openapi({ description: 'the customer’s share (default: the remainder split among n)' }),
    n: int().min(1).max(50).optional(),
  })
  .strict()
  .openapi('ProjectLineBody');

export type ProjectT = z.infer<typeof Project>;
export type PledgeT = z.infer<typeof Pledge>;
export type ComparisonT = z.infer<typeof Comparison>;
