/** Crowdfunding projects: co-funded enhancements, pledges, side-by-side comparison, shares in quotes. */
import { z } from '@hono/zod-openapi';
import {
  CompareQuery,
  Comparison,
  ErrorBody,
  IdParam,
  NewProjectBody,
  pathId,
  PledgeBody,
  Project,
  ProjectLineBody,
  ProjectPatchBody,
  Quote,
} from '../../schema/api';
import { localDate } from '../domain/calendar';
import { PROJECT_LIFECYCLE, cofundersOf, splitRemainder, storedProjectStatus } from '../domain/crowdfunding';
import { actionBetween, may } from '../domain/lifecycle';
import { pledgeMoney } from '../domain/ledger';
import { big, divRound, toSafe } from '../domain/money';
import { actorOf, currentUser, forbidden, SALES, STAFF, type AppContext } from '../http/auth';
import { claimOf, idempotency, idempotencyHeader } from '../http/idempotency';
import { AppError, conflict, fieldError, notFound, unprocessable, versionConflict } from '../http/errors';
import { LangQuery, fileBody } from '../http/documents';
import { requestLang } from '../http/errors';
import { commonErrors, fileResponse, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { XLSX_TYPE } from '../excel/cells';
import { compareWorkbook } from '../excel/crowdfunding';
import { compareFileName } from '../excel/filename';
import {
  addProjectLine,
  cancelPledge,
  confirmPledge,
  findPledge,
  insertPledge,
  insertProject,
  loadProjects,
  projectView,
  updateProject,
} from '../store/crowdfunding';
import { findCustomer } from '../store/customers';
import type { Db } from '../store/db';
import { customerQueue, reconcileCustomer } from '../store/orders';
import { queuedNeed } from '../domain/low-balance';
import { runWrite } from '../store/quotes';
import { getSettings } from '../store/settings';
import { ERRORS as E, RU_STATUS_WORDS as RU } from '../domain/words/errors';
import { both, bothOf, type Lang } from '../domain/words/words';

/** A project's status in a sentence: English reads «in_progress» as «in progress»; Russian quotes the code. */
const statusWords = (lang: Lang, status: string) => (lang === 'en' ? status.replace('_', ' ') : status);

const projectNotFound = () => notFound(both(E.noSuchProject));

async function viewOf(db: Db, id: number) {
  const [loaded] = await loadProjects(db, [id]);
  if (!loaded) throw projectNotFound();
  const settings = await getSettings(db);
  return projectView(loaded, settings.rateMinor, settings.currency);
}

/** A pledge route's answer: the project as it is now. */
async function projectAnswer(c: AppContext): Promise<Response> {
  return c.json(await viewOf(c.var.db, Number(c.req.param('id'))), 200);
}

const PledgeParams = z.object({
  id: IdParam.shape.id,
  pledgeId: pathId('pledgeId'),
});

async function pledgeOf(db: Db, projectId: number, pledgeId: number) {
  const pledge = await findPledge(db, pledgeId);
  if (!pledge || pledge.projectId !== projectId) throw notFound(both(E.noSuchPledge));
  return pledge;
}

/**
 * The comparison of 2–4 projects (`GET /compare`, and the .xlsx of it): each project's
 * funding figures, the share per co-funder if the remainder were split among n, and
 * whether a customer's balance (with their overdraft) covers it. Throws the route's
 * 400 (ids) and 404 (unknown project or customer).
 */
async function compareProjects(db: Db, q: { ids: string; n: number; customerId?: number }) {
  const parts = q.ids
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.some((x) => !/^[1-9]\d{0,9}$/.test(x))) throw fieldError('ids', both(E.projectIdsList));
  const ids = [...new Set(parts.map(Number))];
  if (ids.length < 2 || ids.length > 4) throw fieldError('ids', both(E.compareTwoToFour, { count: ids.length }));
  const loaded = await loadProjects(db, ids);
  const missing = ids.filter((id) => !loaded.some((p) => p.project.id === id));
  if (missing.length) throw notFound(both(E.noSuchProjects, { ids: missing.join(', ') }));
  const settings = await getSettings(db);
  const customer = q.customerId ? await findCustomer(db, q.customerId) : null;
  if (q.customerId && !customer) throw notFound(both(E.noSuchCustomer));
  // What the customer's queue already needs is not there for a share.
  const queued = customer ? queuedNeed((await customerQueue(db, customer.id))?.orders ?? []) : 0;
  const available = customer ? customer.balanceCenti + customer.overdraftCenti - queued : 0;
  const projects = ids.map((id) => {
    const v = projectView(loaded.find((p) => p.project.id === id)!, settings.rateMinor, settings.currency);
    const split = splitRemainder(v.remainingCenti, q.n, settings.rateMinor);
    const {
      pledges,
      description: _d,
      links: _l,
      estimate: _e,
      rateMinor: _r,
      currency: _c,
      version: _v,
      createdAt: _ca,
      updatedAt: _ua,
      ...figures
    } = v;
    return {
      ...figures,
      perFunderCenti: split.perFunderCenti,
      perFunderMinor: split.perFunderMinor,
      sharesCenti: split.sharesCenti,
      customerCovers: customer ? available >= split.perFunderCenti : null,
      cofunders: cofundersOf(pledges),
    };
  });
  const who = customer
    ? {
        id: customer.id,
        name: customer.name,
        balanceCenti: customer.balanceCenti,
        overdraftCenti: customer.overdraftCenti,
        queuedCenti: queued,
        availableCenti: available,
      }
    : null;
  return { n: q.n, customer: who, projects };
}

export const crowdfundingRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['crowdfunding'],
      summary: 'Projects with their price (Σ ROUND(hours × K × rate, 2)), pledges and funding',
      responses: { 200: jsonResponse(z.array(Project), 'projects'), ...commonErrors },
    }),
    async (c) => {
      const settings = await getSettings(c.var.db);
      return c.json(
        (await loadProjects(c.var.db)).map((p) => projectView(p, settings.rateMinor, settings.currency)),
        200,
      );
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/',
      tags: ['crowdfunding'],
      summary: 'A new project, open for pledges',
      request: { body: jsonBody(NewProjectBody) },
      responses: { 201: jsonResponse(Project, 'created'), 409: jsonResponse(ErrorBody, 'code taken'), ...commonErrors },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const id = await insertProject(c.var.db, { ...b, targetDate: b.targetDate ?? null, links: b.links ?? [] });
      if (id === null) throw conflict('code_taken', both(E.projectCodeTaken, { code: b.code }));
      return c.json(await viewOf(c.var.db, id), 201);
    },
  )
  .openapi(
    // Before `/{id}`, which would otherwise take "compare.xlsx" for an id (and answer 400).
    staffRoute(STAFF, {
      method: 'get',
      path: '/compare.xlsx',
      tags: ['crowdfunding'],
      summary:
        'The comparison of 2–4 projects as Excel: the figures of /compare side by side, live formulas, the best value per row marked',
      request: { query: CompareQuery.merge(LangQuery) },
      responses: { 200: fileResponse(XLSX_TYPE, 'the comparison as an .xlsx workbook'), ...commonErrors },
    }),
    async (c) => {
      const db = c.var.db;
      const { lang: _lang, ...query } = c.req.valid('query');
      const comparison = await compareProjects(db, query);
      const [settings, customer] = await Promise.all([
        getSettings(db),
        comparison.customer ? findCustomer(db, comparison.customer.id) : null,
      ]);
      const lang = requestLang(c);
      const file = await compareWorkbook(
        {
          comparison,
          rateMinor: settings.rateMinor,
          currency: settings.currency,
          companyName: settings.companyName,
          timeZone: settings.timeZone,
          overdraftCenti: customer?.overdraftCenti ?? 0,
          generatedAt: new Date(),
        },
        lang,
      );
      return fileBody(
        c,
        file,
        XLSX_TYPE,
        compareFileName(
          comparison.projects.map((p) => p.code),
          lang,
        ),
      );
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/compare',
      tags: ['crowdfunding'],
      summary:
        'Compare 2–4 projects: price, pledged, remaining, funded %, co-funders, the share per co-funder if split among N, and whether a ' +
        'customer’s balance covers it',
      request: { query: CompareQuery },
      responses: { 200: jsonResponse(Comparison, 'the comparison'), ...commonErrors },
    }),
    async (c) => c.json(await compareProjects(c.var.db, c.req.valid('query')), 200),
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['crowdfunding'],
      summary: 'One project with its estimate and pledges',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Project, 'the project'), ...commonErrors },
    }),
    async (c) => c.json(await viewOf(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    staffRoute(SALES, {
      method: 'patch',
      path: '/{id}',
      tags: ['crowdfunding'],
      summary: 'Change a project; move it open → in development → released, or withdraw it (refunding confirmed pledges)',
      request: { params: IdParam, body: jsonBody(ProjectPatchBody) },
      responses: {
        200: jsonResponse(Project, 'updated'),
        409: jsonResponse(ErrorBody, 'stale version'),
        422: jsonResponse(ErrorBody, 'illegal status change'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const current = await viewOf(c.var.db, id);
      const stored = storedProjectStatus(current.status);
      if (patch.status !== undefined && patch.status !== stored && !actionBetween(PROJECT_LIFECYCLE, stored, patch.status)) {
        throw unprocessable(
          'illegal_transition',
          bothOf(E.projectTransition, (lang) => ({ from: statusWords(lang, current.status), to: statusWords(lang, patch.status!) })),
        );
      }
      if (patch.estimate && !may(PROJECT_LIFECYCLE, 'editEstimate', stored)) {
        throw unprocessable('estimate_fixed', both(E.estimateFixed));
      }
      const ok = await updateProject(
        c.var.db,
        id,
        version,
        { ...patch, status: patch.status === stored ? undefined : patch.status },
        currentUser(c).id,
      );
      if (!ok) throw versionConflict(current.version);
      const after = await viewOf(c.var.db, id);
      if (patch.status === PROJECT_LIFECYCLE.withdraw.to)
        for (const customerId of new Set(current.pledges.map((p) => p.customerId))) await reconcileCustomer(c.var.db, customerId);
      return c.json(after, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/pledges',
      tags: ['crowdfunding'],
      summary: 'A promised pledge (norm-hours, or money at the current rate); confirming it debits the balance',
      request: { params: IdParam, body: jsonBody(PledgeBody) },
      responses: {
        201: jsonResponse(Project, 'the project with the new pledge'),
        422: jsonResponse(ErrorBody, 'the project takes no pledges'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      if ((b.normHoursCenti === undefined) === (b.moneyMinor === undefined)) {
        throw fieldError('normHoursCenti', both(E.pledgeHoursOrMoney));
      }
      const project = await viewOf(c.var.db, id);
      if (!may(PROJECT_LIFECYCLE, 'pledge', storedProjectStatus(project.status))) {
        throw unprocessable(
          'project_closed',
          bothOf(E.projectTakesNoPledges, (lang) => ({ status: statusWords(lang, project.status) })),
        );
      }
      if (!(await findCustomer(c.var.db, b.customerId))) throw fieldError('customerId', both(E.noSuchCustomerField));
      const settings = await getSettings(c.var.db);
      const normHoursCenti = b.normHoursCenti ?? toSafe(divRound(big(b.moneyMinor!) * 100n, big(settings.rateMinor)));
      if (normHoursCenti < 1) throw fieldError('moneyMinor', both(E.pledgeTooSmall));
      const pledgeId = await insertPledge(c.var.db, {
        projectId: id,
        customerId: b.customerId,
        normHoursCenti,
        pledgedOn: b.pledgedOn ?? localDate(Date.now(), settings.timeZone),
        note: b.note ?? '',
        userId: currentUser(c).id,
      });
      if (pledgeId === null) throw unprocessable('project_closed', both(E.projectNoPledges));
      return c.json(await viewOf(c.var.db, id), 201);
    },
  )
  .openapi(
    staffRoute(['accountant', 'admin'], {
      method: 'post',
      path: '/{id}/pledges/{pledgeId}/confirm',
      tags: ['crowdfunding', 'ledger'],
      summary: 'Confirm a promised pledge: debits the customer’s balance once; idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'pledge-confirm', required: false, answer: projectAnswer })],
      request: { params: PledgeParams, headers: idempotencyHeader(false) },
      responses: {
        200: jsonResponse(Project, 'confirmed'),
        409: jsonResponse(ErrorBody, 'not promised'),
        422: jsonResponse(ErrorBody, 'balance too low'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, pledgeId } = c.req.valid('param');
      const pledge = await pledgeOf(c.var.db, id, pledgeId);
      if (pledge.status !== 'promised')
        throw conflict(
          'pledge_not_promised',
          bothOf(E.pledgeNotPromised, (lang) => ({
            status: lang === 'en' ? pledge.status : pledge.status === 'confirmed' ? RU.pledgeConfirmed : RU.pledgeCancelled,
          })),
        );
      const settings = await getSettings(c.var.db);
      const ok = await confirmPledge(
        c.var.db,
        pledgeId,
        pledge.normHoursCenti,
        pledgeMoney(pledge.normHoursCenti, settings),
        currentUser(c).id,
        claimOf(c),
      );
      if (!ok) {
        const again = await pledgeOf(c.var.db, id, pledgeId);
        if (again.status !== 'promised')
          throw conflict(
            'pledge_not_promised',
            bothOf(E.pledgeNotPromised, (lang) => ({ status: lang === 'en' ? again.status : RU.pledgeProcessed })),
          );
        const customer = await findCustomer(c.var.db, pledge.customerId);
        const project = await viewOf(c.var.db, id);
        if (!may(PROJECT_LIFECYCLE, 'confirmPledge', storedProjectStatus(project.status)))
          throw unprocessable('project_closed', both(E.projectClosed));
        throw new AppError(
          422,
          'insufficient_balance',
          bothOf(E.pledgeInsufficient, (lang) => {
            // Hundredths with the language's decimal mark (2.50 / 2,50).
            const f = (x: number) => (lang === 'ru' ? (x / 100).toFixed(2).replace('.', ',') : (x / 100).toFixed(2));
            return { need: f(pledge.normHoursCenti), balance: f(customer?.balanceCenti ?? 0) };
          }),
          { needCenti: pledge.normHoursCenti, balanceCenti: customer?.balanceCenti ?? 0 },
        );
      }
      await reconcileCustomer(c.var.db, pledge.customerId);
      return projectAnswer(c) as never;
    },
  )
  .openapi(
    staffRoute(['manager', 'accountant', 'admin'], {
      method: 'post',
      path: '/{id}/pledges/{pledgeId}/cancel',
      tags: ['crowdfunding', 'ledger'],
      summary:
        'Cancel a pledge; a confirmed one is refunded by a correction (accountant or admin, while the project is open); idempotent by ' +
        'Idempotency-Key',
      middleware: [idempotency({ scope: 'pledge-cancel', required: false, answer: projectAnswer })],
      request: {
        params: PledgeParams,
        headers: idempotencyHeader(false),
        body: {
          content: { 'application/json': { schema: z.object({ reason: z.string().trim().max(500).optional() }).strict() } },
          required: false,
        },
      },
      responses: {
        200: jsonResponse(Project, 'cancelled'),
        409: jsonResponse(ErrorBody, 'already cancelled'),
        422: jsonResponse(ErrorBody, 'development started'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, pledgeId } = c.req.valid('param');
      const pledge = await pledgeOf(c.var.db, id, pledgeId);
      const user = currentUser(c);
      if (pledge.status === 'cancelled') throw conflict('pledge_cancelled', both(E.pledgeCancelled));
      if (pledge.status === 'confirmed' && user.role === 'manager') throw forbidden(['accountant', 'admin']);
      const project = await viewOf(c.var.db, id);
      if (pledge.status === 'confirmed' && !may(PROJECT_LIFECYCLE, 'refundPledge', storedProjectStatus(project.status))) {
        throw unprocessable('development_started', both(E.developmentStarted));
      }
      const ok = await cancelPledge(c.var.db, pledgeId, c.req.valid('json')?.reason ?? '', user.id, claimOf(c));
      if (!ok) throw conflict('pledge_changed', both(E.pledgeChanged));
      if (pledge.status === 'confirmed') await reconcileCustomer(c.var.db, pledge.customerId);
      return projectAnswer(c) as never;
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/quote-line',
      tags: ['crowdfunding', 'quotes'],
      summary: 'Add a customer’s share of the project to their draft quote; accepting the quote makes the pledge',
      request: { params: IdParam, body: jsonBody(ProjectLineBody) },
      responses: {
        201: jsonResponse(Quote, 'the quote with the new line'),
        409: jsonResponse(ErrorBody, 'stale version'),
        422: jsonResponse(ErrorBody, 'project closed'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const project = await viewOf(c.var.db, id);
      if (!may(PROJECT_LIFECYCLE, 'addToQuote', storedProjectStatus(project.status)))
        throw unprocessable('project_closed', both(E.projectNotOpen));
      const share = b.normHoursCenti ?? splitRemainder(project.remainingCenti, b.n ?? 1, project.rateMinor).perFunderCenti;
      if (share < 1) throw unprocessable('fully_pledged', both(E.fullyPledged));
      const { writes } = await addProjectLine(b.quoteId, b.version, id, share, actorOf(c));
      const result = await runWrite(c.var.db, writes, b.quoteId);
      if (!result.applied) {
        if (!result.quote) throw fieldError('quoteId', both(E.noSuchQuoteField));
        if (result.quote.version !== b.version) throw versionConflict(result.quote.version);
        throw conflict('quote_not_editable', both(E.quoteNotEditable));
      }
      return c.json(result.quote!, 201);
    },
  );
