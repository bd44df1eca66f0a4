/**
 * The HTTP API as the web UI calls it: every route it uses, keyed `'METHOD /api/path/{param}'`,
 * with the zod schemas of its path parameters, query, body and answer — the very objects the
 * server's routes validate with and document (test/api/contract.test.ts holds them to it).
 *
 * The web imports this module's TYPES only (`import type`), so no zod reaches the browser:
 * web/src/api.ts reads the request and answer types from here and checks nothing at run time.
 * (Hono's `hc<AppType>` was measured and set aside: it made the web's typecheck six times
 * slower and turned routers mounted on one prefix into unusable intersections.)
 *
 * A few answers and queries are still declared inside the routes rather than here; their
 * entries below spell the same shape (marked `same shape as the route's`) and the test
 * compares them field by field until the routes import them from schema/api.
 */
import { z } from '@hono/zod-openapi';
import { AccountLinkBody, AccountLinkCreated, AccountLinkInfo, AnonymiseBody, DueDeletion } from './account';
import { Invoice, InvoiceBody, MonthParam, MonthQuery, Periods, StatementS } from './accounting';
import { CatalogItem, CatalogItemPatchBody, Category, CategoryPatchBody, NewCatalogItemBody } from './catalog';
import { IdParam } from './common';
import { CompareQuery, Comparison, NewProjectBody, PledgeBody, Project, ProjectLineBody, ProjectPatchBody } from './crowdfunding';
import { Customer, CustomerPatchBody, NewCustomerBody } from './customers';
import { MailPreview, MailPreviewBody, OutboxItem } from './delivery';
import {
  AcceptStageBody,
  AcceptStageResult,
  ConsumptionQuery,
  ConsumptionReportS,
  LedgerBody,
  LedgerEntry,
  LedgerLine,
  Order,
  OrderBody,
  OrderStatus,
  Series,
  SeriesQuery,
  WithdrawBody,
} from './money';
import {
  AuditEntry,
  DeleteLinesBody,
  DuplicateBody,
  LineDeleteQuery,
  LinePatchBody,
  LineWriteQuery,
  MoveBody,
  NewLineBody,
  NewQuoteBody,
  PasteBody,
  Quote,
  QuoteList,
  QuoteListQuery,
  QuoteOrChange,
  QuotePatchBody,
  QuoteServices,
  ReorderBody,
  SendBody,
  VersionBody,
} from './quotes';
import {
  RequestAnswerBody,
  RequestListQuery,
  RequestPatchBody,
  RequestQuoteBody,
  RequestQuoted,
  ServiceRequest,
  ServiceRequestDetail,
} from './requests';
import { Settings, SettingsPatchBody } from './settings';
import { Notification, ShareBody, ShareCreated, ShareLinkInfo } from './shared';
import { LoginBody, Me, NewUserBody, User, UserPatchBody } from './staff';

/** A route that answers JSON. */
export interface JsonRoute {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
}

/** A route that answers a file the browser saves (`file` is its media type). */
export interface FileRoute {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: never;
  readonly file: string;
}

// ---- same shape as the route's (declared inside the route today) ----
const Ok = z.object({ ok: z.literal(true) });
const id = () => z.coerce.number().int().min(1);
const ReadBody = z.object({ ids: z.array(z.number().int().min(1)).max(500).optional() }).strict();
const CustomerQuery = z.object({ q: z.string().max(200).optional() });
const LedgerAppended = z.object({ entry: LedgerEntry, balanceCenti: z.number().int() });
const Revoked = z.object({ revoked: z.number().int() });
const LinkParams = z.object({ id: IdParam.shape.id, linkId: z.coerce.number().int().min(1).max(2_147_483_647) });
const OrderQuery = z.object({ status: OrderStatus.optional(), customerId: id().optional() });
const CancelPledgeBody = z.object({ reason: z.string().trim().max(500).optional() }).strict();
const LangQuery = z.object({ lang: z.enum(['ru', 'en']).optional() });
const ConsumptionFileQuery = ConsumptionQuery.extend({ lang: z.enum(['ru', 'en']).optional() });
const CompareFileQuery = CompareQuery.merge(LangQuery);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CONTRACT = {
  // ---- session, settings, users, notifications ----
  'POST /api/auth/login': { body: LoginBody, response: Me },
  'POST /api/auth/logout': { response: Ok },
  'GET /api/me': { response: Me },
  'GET /api/settings': { response: Settings },
  'PATCH /api/settings': { body: SettingsPatchBody, response: Settings },
  'GET /api/users': { response: z.array(User) },
  'POST /api/users': { body: NewUserBody, response: User },
  'PATCH /api/users/{id}': { params: IdParam, body: UserPatchBody, response: User },
  'GET /api/notifications': { response: z.array(Notification) },
  'POST /api/notifications/read': { body: ReadBody, response: Ok },

  // ---- the price list ----
  'GET /api/catalog/items': { response: z.array(CatalogItem) },
  'POST /api/catalog/items': { body: NewCatalogItemBody, response: CatalogItem },
  'PATCH /api/catalog/items/{id}': { params: IdParam, body: CatalogItemPatchBody, response: CatalogItem },
  'GET /api/catalog/categories': { response: z.array(Category) },
  'PATCH /api/catalog/categories/{id}': { params: IdParam, body: CategoryPatchBody, response: Category },

  // ---- customers and their money ----
  'GET /api/customers': { query: CustomerQuery, response: z.array(Customer) },
  'POST /api/customers': { body: NewCustomerBody, response: Customer },
  'GET /api/customers/{id}': { params: IdParam, response: Customer },
  'PATCH /api/customers/{id}': { params: IdParam, body: CustomerPatchBody, response: Customer },
  'GET /api/customers/{id}/ledger': { params: IdParam, response: z.array(LedgerLine) },
  'POST /api/customers/{id}/ledger': { params: IdParam, body: LedgerBody, response: LedgerAppended },
  'GET /api/customers/{id}/export.json': { params: IdParam, file: 'application/json' },
  'GET /api/customers/{id}/export.xlsx': { params: IdParam, query: LangQuery, file: XLSX },

  // ---- the customer's account (issue 18) ----
  'POST /api/customers/{id}/account-link': { params: IdParam, body: AccountLinkBody, response: AccountLinkCreated },
  'DELETE /api/customers/{id}/account-link': { params: IdParam, response: Revoked },
  'GET /api/customers/{id}/account-links': { params: IdParam, response: z.array(AccountLinkInfo) },
  'POST /api/customers/{id}/anonymise': { params: IdParam, body: AnonymiseBody, response: Customer },
  'GET /api/account-deletions': { response: z.array(DueDeletion) },

  // ---- quotes ----
  'GET /api/quotes': { query: QuoteListQuery, response: QuoteList },
  'POST /api/quotes': { body: NewQuoteBody, response: Quote },
  'GET /api/quotes/{id}': { params: IdParam, response: Quote },
  'GET /api/quotes/{id}/services': { params: IdParam, response: QuoteServices },
  'PATCH /api/quotes/{id}': { params: IdParam, body: QuotePatchBody, response: Quote },
  'POST /api/quotes/{id}/lines': { params: IdParam, query: LineWriteQuery, body: NewLineBody, response: QuoteOrChange },
  'POST /api/quotes/{id}/lines/paste': { params: IdParam, body: PasteBody, response: Quote },
  'POST /api/quotes/{id}/lines/delete': { params: IdParam, body: DeleteLinesBody, response: Quote },
  'POST /api/quotes/{id}/lines/reorder': { params: IdParam, body: ReorderBody, response: Quote },
  'PATCH /api/quotes/{id}/lines/{lineId}': { query: LineWriteQuery, body: LinePatchBody, response: QuoteOrChange },
  'DELETE /api/quotes/{id}/lines/{lineId}': { query: LineDeleteQuery, response: QuoteOrChange },
  'POST /api/quotes/{id}/lines/{lineId}/move': { query: LineWriteQuery, body: MoveBody, response: QuoteOrChange },
  'POST /api/quotes/{id}/send': { params: IdParam, body: SendBody, response: Quote },
  'POST /api/quotes/{id}/revise': { params: IdParam, response: Quote },
  'POST /api/quotes/{id}/duplicate': { params: IdParam, body: DuplicateBody, response: Quote },
  'POST /api/quotes/{id}/archive': { params: IdParam, body: VersionBody, response: Quote },
  'POST /api/quotes/{id}/reprice': { params: IdParam, body: VersionBody, response: Quote },
  'GET /api/quotes/{id}/audit': { params: IdParam, response: z.array(AuditEntry) },
  'POST /api/quotes/{id}/share': { params: IdParam, body: ShareBody, response: ShareCreated },
  'DELETE /api/quotes/{id}/share': { params: IdParam, response: Revoked },
  'GET /api/quotes/{id}/shares': { params: IdParam, response: z.array(ShareLinkInfo) },
  'POST /api/quotes/{id}/shares/{linkId}/renew': { params: LinkParams, body: ShareBody, response: ShareLinkInfo },
  'DELETE /api/quotes/{id}/shares/{linkId}': { params: LinkParams, response: Revoked },
  'POST /api/quotes/{id}/mail-preview': { params: IdParam, body: MailPreviewBody, response: MailPreview },
  'GET /api/quotes/{id}/export.xlsx': { params: IdParam, query: LangQuery, file: XLSX },
  'GET /api/quotes/{id}/export.pdf': { params: IdParam, query: LangQuery, file: 'application/pdf' },
  'GET /api/outbox': { response: z.array(OutboxItem) },

  // ---- service requests (issue 18) ----
  'GET /api/requests': { query: RequestListQuery, response: z.array(ServiceRequest) },
  'GET /api/requests/{id}': { params: IdParam, response: ServiceRequestDetail },
  'PATCH /api/requests/{id}': { params: IdParam, body: RequestPatchBody, response: ServiceRequestDetail },
  'POST /api/requests/{id}/answers': { params: IdParam, body: RequestAnswerBody, response: ServiceRequestDetail },
  'POST /api/requests/{id}/quote': { params: IdParam, body: RequestQuoteBody, response: RequestQuoted },

  'POST /api/outbox/{id}/retry': { params: IdParam, response: OutboxItem },
  'POST /api/quotes/{id}/order': { params: IdParam, body: OrderBody, response: Order },

  // ---- work orders ----
  'GET /api/orders': { query: OrderQuery, response: z.array(Order) },
  'GET /api/orders/{id}': { params: IdParam, response: Order },
  'POST /api/orders/{id}/stages/{n}/accept': { body: AcceptStageBody, response: AcceptStageResult },
  'POST /api/orders/{id}/stages/{n}/ready': { response: Order },
  'POST /api/orders/{id}/withdraw': { params: IdParam, body: WithdrawBody, response: Order },

  // ---- payments, invoices, statements, closed months (issue 17) ----
  'GET /api/customers/{id}/invoices': { params: IdParam, response: z.array(Invoice) },
  'POST /api/customers/{id}/invoices': { params: IdParam, body: InvoiceBody, response: Invoice },
  'POST /api/invoices/{id}/cancel': { params: IdParam, response: Invoice },
  'GET /api/invoices/{id}/invoice.xlsx': { params: IdParam, query: LangQuery, file: XLSX },
  'GET /api/invoices/{id}/invoice.pdf': { params: IdParam, query: LangQuery, file: 'application/pdf' },
  'GET /api/customers/{id}/statement': { params: IdParam, query: MonthQuery, response: StatementS },
  'GET /api/customers/{id}/statement.xlsx': { params: IdParam, query: MonthQuery, file: XLSX },
  'GET /api/customers/{id}/statement.pdf': { params: IdParam, query: MonthQuery, file: 'application/pdf' },
  'GET /api/periods': { response: Periods },
  'POST /api/periods/{month}/close': { params: MonthParam, response: Periods },

  // ---- the monthly report ----
  'GET /api/reports/consumption': { query: ConsumptionQuery, response: ConsumptionReportS },
  'GET /api/reports/consumption/series': { query: SeriesQuery, response: Series },
  'GET /api/reports/consumption.xlsx': { query: ConsumptionFileQuery, file: XLSX },

  // ---- crowdfunding ----
  'GET /api/crowdfunding': { response: z.array(Project) },
  'POST /api/crowdfunding': { body: NewProjectBody, response: Project },
  'GET /api/crowdfunding/compare': { query: CompareQuery, response: Comparison },
  'GET /api/crowdfunding/compare.xlsx': { query: CompareFileQuery, file: XLSX },
  'GET /api/crowdfunding/{id}': { params: IdParam, response: Project },
  'PATCH /api/crowdfunding/{id}': { params: IdParam, body: ProjectPatchBody, response: Project },
  'POST /api/crowdfunding/{id}/pledges': { params: IdParam, body: PledgeBody, response: Project },
  'POST /api/crowdfunding/{id}/pledges/{pledgeId}/confirm': { response: Project },
  'POST /api/crowdfunding/{id}/pledges/{pledgeId}/cancel': { body: CancelPledgeBody, response: Project },
  'POST /api/crowdfunding/{id}/quote-line': { params: IdParam, body: ProjectLineBody, response: Quote },
} as const satisfies Record<string, JsonRoute | FileRoute>;

export type Contract = typeof CONTRACT;
export type RouteKey = keyof Contract & string;
export type JsonRouteKey = { [K in RouteKey]: Contract[K] extends { response: z.ZodType } ? K : never }[RouteKey];
export type FileRouteKey = { [K in RouteKey]: Contract[K] extends { file: string } ? K : never }[RouteKey];

/** The names in braces of a path: 'GET /api/quotes/{id}/lines/{lineId}' → 'id' | 'lineId'. */
type PathNames<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PathNames<Rest> : never;
/** What the wire carries for a value a route coerces (its zod input is `unknown`). */
type Wire<T> = unknown extends T ? string | number : T;
type QueryInput<S> = S extends z.ZodType ? { [K in keyof z.input<S>]: Wire<z.input<S>[K]> } : never;

/** What a call of `K` sends: its path parameters, query and body, each where the route has one. */
export type RequestOf<K extends RouteKey> = ([PathNames<K>] extends [never] ? unknown : { params: Record<PathNames<K>, string | number> }) &
  (Contract[K] extends { query: infer Q } ? { query?: QueryInput<Q> } : unknown) &
  (Contract[K] extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown);

/** What a call of `K` answers (a JSON route). */
export type ResponseOf<K extends JsonRouteKey> = Contract[K] extends { response: infer R extends z.ZodType } ? z.infer<R> : never;
