/** Service requests (seed 004) with their reaction SLA (seed 003): the customer's form, the staff inbox. */
import { z } from '@hono/zod-openapi';
import { REQUEST_KIND_CODES, REQUEST_STATUS_CODES, SLA_LEVEL_CODES_ENUM } from '../../worker/domain/enums';
import { NOTHING_TO_CHANGE, changesSomething, int } from './common';

export const RequestKind = z
  .enum(REQUEST_KIND_CODES)
  .openapi({ description: 'incident, problem, service (a request for information), development (a request to enhance the system)' });
export const RequestStatus = z.enum(REQUEST_STATUS_CODES);
export const SlaLevel = z
  .enum(SLA_LEVEL_CODES_ENUM)
  .openapi({ description: 'seed 003: vip 2 h, emergency 4 h, standard 6 h, non_commercial 24 h, consulting 40 h (working hours)' });
export const RequestPriority = int().min(1).max(4).openapi({ description: '1 critical, 2 high, 3 normal, 4 low', example: 3 });

const subject = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(10_000);

export const NewRequestBody = z
  .object({ kind: RequestKind, subject, description: longText, priority: RequestPriority })
  .strict()
  .openapi('NewRequestBody');

export const RequestPatchBody = z
  .object({ version: int().min(1), status: RequestStatus.optional(), kind: RequestKind.optional(), slaLevel: SlaLevel.optional() })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('RequestPatchBody');

export const CustomerReplyBody = z
  .object({ name: z.string().trim().min(3).max(200).openapi({ description: 'who answers, as on the stage sign-off' }), body: longText })
  .strict()
  .openapi('CustomerReplyBody');

export const RequestAnswerBody = z.object({ body: longText }).strict().openapi('RequestAnswerBody');

export const RequestQuoteBody = z
  .object({ version: int().min(1).optional().openapi({ description: 'the version the manager saw; a newer one → 409' }) })
  .strict()
  .openapi('RequestQuoteBody');

const idQuery = () => z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const RequestListQuery = z
  .object({
    status: RequestStatus.optional(),
    kind: RequestKind.optional(),
    customerId: idQuery().optional(),
    quoteId: idQuery().optional(),
    flag: z
      .enum(['breached', 'at_risk', 'open'])
      .optional()
      .openapi({ description: 'breached; at_risk (about to breach); open (not resolved or closed)' }),
  })
  .strict()
  .openapi('RequestListQuery');

export const RequestComment = z
  .object({ id: int(), author: z.enum(['staff', 'customer']), authorName: z.string(), body: z.string(), createdAt: z.string() })
  .openapi('RequestComment');

export const ServiceRequest = z
  .object({
    id: int(),
    number: z.string().openapi({ example: 'R-2026-0001' }),
    customerId: int(),
    customerName: z.string(),
    kind: RequestKind,
    subject: z.string(),
    description: z.string(),
    priority: int(),
    slaLevel: SlaLevel,
    status: RequestStatus,
    version: int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    firstAnswerAt: z.string().nullable(),
    reactionDueAt: z.string().openapi({ description: 'creation + the level’s reaction time in the company’s working hours' }),
    breached: z.boolean().openapi({ description: 'no staff answer by reactionDueAt' }),
    atRisk: z.boolean().openapi({ description: 'unanswered, under a quarter of the reaction time left' }),
    remainingMinutes: int().openapi({ description: 'working minutes to the deadline (negative: overdue)' }),
    quoteId: int().nullable(),
    quoteNumber: z.string().nullable(),
  })
  .openapi('ServiceRequest');

export const ServiceRequestDetail = ServiceRequest.extend({ comments: z.array(RequestComment) }).openapi('ServiceRequestDetail');

/** What the customer sees of a request on the account page: no SLA level, no internal fields. */
export const CustomerRequest = z
  .object({
    id: int(),
    number: z.string(),
    kind: RequestKind,
    subject: z.string(),
    description: z.string(),
    priority: int(),
    status: RequestStatus,
    createdAt: z.string(),
    reactionDueAt: z.string(),
    answers: z.array(RequestComment),
  })
  .openapi('CustomerRequest');

export const RequestQuoted = z.object({ quoteId: int(), request: ServiceRequest }).openapi('RequestQuoted');

export type NewRequestBodyT = z.infer<typeof NewRequestBody>;
export type ServiceRequestT = z.infer<typeof ServiceRequest>;
export type ServiceRequestDetailT = z.infer<typeof ServiceRequestDetail>;
