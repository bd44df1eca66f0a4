/** Comparing 2–4 crowdfunding projects side by side, as JSON and as an Excel workbook. */
import { CompareQuery, Comparison } from '../../../schema/api';
import { cofundersOf, splitRemainder } from '../../domain/crowdfunding';
import { queuedNeed } from '../../domain/low-balance';
import { STAFF } from '../../http/auth';
import { LangQuery, fileBody } from '../../http/documents';
import { fieldError, notFound, requestLang } from '../../http/errors';
import { commonErrors, fileResponse, jsonResponse, router, staffRoute } from '../../http/route';
import { XLSX_TYPE } from '../../excel/cells';
import { compareWorkbook } from '../../excel/crowdfunding';
import { compareFileName } from '../../excel/filename';
import { loadProjects, projectView } from '../../store/crowdfunding';
import { findCustomer } from '../../store/customers';
import type { Db } from '../../store/db';
import { customerQueue } from '../../store/order-queue';
import { getSettings } from '../../store/settings';
import { ERRORS as E } from '../../domain/words/errors';
import { both } from '../../domain/words/words';

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

export const compareRoutes = router()
  .openapi(
    // Mounted before `/{id}` (worker/app.ts), which would otherwise take "compare.xlsx" for an id (and answer 400).
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
  );
