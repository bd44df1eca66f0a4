/** A customer's share of a crowdfunding project as a line of their draft quote: accepting the quote makes the pledge. */
import { ErrorBody, IdParam, ProjectLineBody, Quote } from '../../../schema/api';
import { PROJECT_LIFECYCLE, splitRemainder, storedProjectStatus } from '../../domain/crowdfunding';
import { may } from '../../domain/lifecycle';
import { actorOf, SALES } from '../../http/auth';
import { conflict, fieldError, unprocessable, versionConflict } from '../../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import { addProjectLine } from '../../store/crowdfunding';
import { runWrite } from '../../store/quotes';
import { ERRORS as E } from '../../domain/words/errors';
import { both } from '../../domain/words/words';
import { viewOf } from './common';

export const projectQuoteLineRoutes = router().openapi(
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
