/**
 * The application: secure headers → body limit → D1 handle → session → CSRF → one router per
 * resource. Static files of the UI are served by Workers static assets before this runs
 * (wrangler.toml `run_worker_first` keeps /api/*, /s/* and /a/* here).
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { csrfMiddleware, sessionMiddleware, type AppEnv } from './http/auth';
import { AppError, errorResponse, handleError, notFound, requestLang } from './http/errors';
import { publicRoute, jsonResponse } from './http/route';
import { replicaReads } from './http/replica-reads';
import { sharedHeaders as linkHeaders } from './http/rate-limit';
import { validationHook } from './http/validate';
import { auth, me } from './routes/auth';
import { catalog } from './routes/catalog';
import { compareRoutes } from './routes/crowdfunding/compare';
import { pledgeRoutes } from './routes/crowdfunding/pledges';
import { projectListRoutes, projectRoutes } from './routes/crowdfunding/projects';
import { projectQuoteLineRoutes } from './routes/crowdfunding/quote-line';
import { customerExportRouter, importRouter } from './routes/customer-data';
import { customers } from './routes/customers';
import { ledgerRouter } from './routes/ledger';
import { notificationsRouter } from './routes/notifications';
import { outboxRouter } from './routes/outbox';
import { ordersRouter, quoteOrders } from './routes/orders';
import { quoteHeaderRoutes } from './routes/quotes/header';
import { quoteLifecycleRoutes } from './routes/quotes/lifecycle';
import { quoteLineRoutes } from './routes/quotes/lines';
import { quoteExportRoutes } from './routes/quotes/exports';
import { quoteSharingRoutes } from './routes/quotes/sharing';
import { reportsRouter } from './routes/reports';
import { customerInvoices, invoicesRouter } from './routes/invoices';
import { periodsRouter } from './routes/periods';
import { statementsRouter } from './routes/statements';
import { sharedApi, sharedPages } from './routes/shared';
import { accountApi } from './routes/account/api';
import { accountPages } from './routes/account/page';
import { accountLinksRouter, deletionsRouter } from './routes/account/staff';
import { settingsRoutes } from './routes/settings';
import { users } from './routes/users';
import { requestsRouter } from './routes/requests';
import { accountRequestsRouter } from './routes/account-requests';
import { database } from './store/db';

export const API_TITLE = 'Norm-hours: quotes, work orders and balances';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const SHARED_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });

const SECURE = {
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginResourcePolicy: 'same-origin',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
} as const;
const staffHeaders = secureHeaders({ ...SECURE, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
// The customer's page and its API get a stricter policy: nothing but our own CSS, JS and forms.
const sharedHeaders = secureHeaders({ ...SECURE, contentSecurityPolicy: SHARED_CONTENT_SECURITY_POLICY });
const isShared = (path: string) =>
  path.startsWith('/s/') || path.startsWith('/api/shared/') || path.startsWith('/a/') || path.startsWith('/api/account/');
app.use('*', (c, next) => (isShared(c.req.path) ? sharedHeaders(c, next) : staffHeaders(c, next)));
app.use('/api/*', async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
});
app.use(
  '*',
  bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: () => {
      throw new AppError(413, 'payload_too_large', { en: 'The request is larger than 2 MB.', ru: 'Запрос больше 2 МБ.' });
    },
  }),
);
app.use('*', async (c, next) => {
  c.set('db', database(c.env.DB));
  c.set('lang', requestLang(c));
  await next();
});
// The customer's link reads through a D1 session (replicas near the customer, read-your-writes).
app.use('/api/shared/*', replicaReads);
app.use('/s/*', replicaReads);
app.use('/api/account/*', replicaReads);
app.use('/a/*', replicaReads);
// The account link's answers: never cached, indexed or referred, like the estimate link's.
app.use('/api/account/*', linkHeaders);
app.use('/a/*', linkHeaders);
app.use('*', sessionMiddleware);
app.use('*', csrfMiddleware);

// Baselines for `npm run bench`: a constant answer, and one trivial D1 query.
app.openapi(
  publicRoute({
    method: 'get',
    path: '/api/health',
    tags: ['meta'],
    summary: 'Liveness: a constant answer',
    responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'alive') },
  }),
  (c) => c.json({ ok: true as const }, 200),
);
app.openapi(
  publicRoute({
    method: 'get',
    path: '/api/health/db',
    tags: ['meta'],
    summary: 'Readiness: one SELECT 1 on D1',
    responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'database answers') },
  }),
  async (c) => {
    await c.env.DB.prepare('select 1').first();
    return c.json({ ok: true as const }, 200);
  },
);

app.route('/api/auth', auth);
app.route('/api/me', me);
app.route('/api/users', users);
app.route('/api/settings', settingsRoutes);
app.route('/api/catalog', catalog);
app.route('/api/customers', customers);
app.route('/api/customers', ledgerRouter);
app.route('/api/customers', customerExportRouter);
app.route('/api/customers', customerInvoices);
app.route('/api/customers', statementsRouter);
app.route('/api/invoices', invoicesRouter);
app.route('/api/periods', periodsRouter);
app.route('/api/import', importRouter);
app.route('/api/quotes', quoteHeaderRoutes);
app.route('/api/quotes', quoteLineRoutes);
app.route('/api/quotes', quoteLifecycleRoutes);
app.route('/api/quotes', quoteSharingRoutes);
app.route('/api/quotes', quoteExportRoutes);
app.route('/api/quotes', quoteOrders);
app.route('/api/orders', ordersRouter);
app.route('/api/reports', reportsRouter);
// The comparison's fixed paths before `/{id}`, which would otherwise take "compare.xlsx" for an id.
app.route('/api/crowdfunding', projectListRoutes);
app.route('/api/crowdfunding', compareRoutes);
app.route('/api/crowdfunding', projectRoutes);
app.route('/api/crowdfunding', pledgeRoutes);
app.route('/api/crowdfunding', projectQuoteLineRoutes);
app.route('/api/shared', sharedApi);
app.route('/s', sharedPages);
app.route('/api/customers', accountLinksRouter);
app.route('/api/account-deletions', deletionsRouter);
app.route('/api/account', accountApi);
app.route('/a', accountPages);
app.route('/api/notifications', notificationsRouter);
app.route('/api/outbox', outboxRouter);
app.route('/api/requests', requestsRouter);
app.route('/api/account', accountRequestsRouter);

app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
  type: 'apiKey',
  in: 'cookie',
  name: 'nh_session',
  description: 'Session cookie from POST /api/auth/login. State-changing requests must also send Origin.',
});
app.doc31('/api/openapi.json', {
  openapi: '3.1.0',
  info: {
    title: API_TITLE,
    version: '1.0.0',
    description:
      'Units on the wire: money in integer minor units (*Minor), hours and norm-hours in hundredths (*Centi), ' +
      'K, quantities and rates in thousandths (*Milli). Errors: {"error": {"code", "message", "details"?}}.',
  },
});

app.notFound((c) =>
  errorResponse(c, notFound({ en: `No route ${c.req.method} ${c.req.path}.`, ru: `Нет маршрута ${c.req.method} ${c.req.path}.` })),
);
app.onError(handleError);

export type App = typeof app;
export { app };
