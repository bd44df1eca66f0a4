/**
 * Staff side of the customer's account: make, list and revoke the account link (and e-mail it);
 * the end of service — the customers whose 30-day window ended, and the admin's confirmed deletion.
 */
import { z } from '@hono/zod-openapi';
import {
  AccountLinkBody,
  AccountLinkCreated,
  AccountLinkInfo,
  AnonymiseBody,
  Customer,
  DueDeletion,
  ErrorBody,
  IdParam,
} from '../../../schema/api';
import { addDays, localDate } from '../../domain/calendar';
import { DATA_WINDOW_DAYS, dataAvailableUntil, dataWindowEnded } from '../../domain/account';
import { ACCOUNT_WORDS } from '../../domain/words/account';
import { MAIL_WORDS } from '../../domain/words/mail';
import { ERRORS as E } from '../../domain/words/errors';
import { both, say } from '../../domain/words/words';
import { SALES, actorOf, appOrigin } from '../../http/auth';
import { unprocessable } from '../../http/errors';
import { customerOr404 } from '../../http/lookups';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import { enqueueMails } from '../../mail/queue';
import { randomToken, sha256Hex } from '../../platform/secrets';
import {
  accountLinkState,
  anonymiseCustomer,
  createAccountLink,
  dueDeletions,
  listAccountLinks,
  revokeAccountLinks,
} from '../../store/account';
import { findCustomer } from '../../store/customers';
import { getSettings } from '../../store/settings';

/** How long an account link works unless the manager says otherwise. */
export const ACCOUNT_LINK_DAYS = 90;
const ADMIN = ['admin'] as const;

const deleted = () => unprocessable('customer_deleted', both(E.customerDeleted));

export const accountLinksRouter = router()
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/account-link',
      tags: ['account'],
      summary:
        'A link to the customer’s account (256 random bits, stored only as SHA-256; shown once); e-mailed to the customer through the ' +
        'outbox in the same batch',
      request: { params: IdParam, body: { content: { 'application/json': { schema: AccountLinkBody } }, required: false } },
      responses: {
        201: jsonResponse(AccountLinkCreated, 'the link'),
        422: jsonResponse(ErrorBody, 'the customer’s data was deleted'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      const customer = await customerOr404(c.var.db, id);
      if (customer.anonymisedAt) throw deleted();
      const expiresAt = new Date(Date.now() + (body.expiresInDays ?? ACCOUNT_LINK_DAYS) * 86_400_000).toISOString();
      const wantsMail = body.email ?? customer.email !== '';
      if (wantsMail && !customer.email) {
        throw unprocessable('no_email', both(E.customerNoEmail));
      }
      const mail = wantsMail
        ? {
            kind: 'account_link' as const,
            to: [customer.email],
            lang: customer.lang,
            subject: say(customer.lang, MAIL_WORDS.accountLinkSubject, { customer: customer.name }),
            payload: { customerId: customer.id, expiresAt, origin: appOrigin(c) },
            createdBy: actorOf(c).userId,
          }
        : null;
      const token = randomToken();
      const { link, mailIds } = await createAccountLink(c.var.db, id, await sha256Hex(token), expiresAt, actorOf(c).userId, mail);
      await enqueueMails(c.env.OUTBOX, mailIds);
      return c.json({ id: link.id, url: `${appOrigin(c)}/a/${token}`, token, expiresAt, emailed: mailIds.length > 0 }, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'delete',
      path: '/{id}/account-link',
      tags: ['account'],
      summary: 'Revoke every link to the customer’s account (also those e-mails made)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), 'how many links were revoked'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await customerOr404(c.var.db, id);
      return c.json({ revoked: await revokeAccountLinks(c.var.db, id) }, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'get',
      path: '/{id}/account-links',
      tags: ['account'],
      summary: 'The links to the customer’s account: made, opened, until when, whether live',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(AccountLinkInfo), 'links, newest first'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await customerOr404(c.var.db, id);
      const now = new Date().toISOString();
      const links = await listAccountLinks(c.var.db, id);
      return c.json(
        links.map(({ tokenHash: _h, customerId: _c, createdBy, ...l }) => ({
          ...l,
          state: accountLinkState(l, now),
          byEmail: createdBy === null,
        })),
        200,
      );
    },
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'post',
      path: '/{id}/anonymise',
      tags: ['account'],
      summary:
        'Confirm the deletion of a customer whose 30-day window after the end of service ended: their details are anonymised, links ' +
        'withdrawn; the ledger and every total stay',
      request: { params: IdParam, body: jsonBody(AnonymiseBody) },
      responses: {
        200: jsonResponse(Customer, 'the anonymised customer'),
        422: jsonResponse(ErrorBody, 'the window has not ended, or the name does not match'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.var.db;
      const customer = await customerOr404(db, id);
      if (customer.anonymisedAt) throw deleted();
      if (c.req.valid('json').confirm !== customer.name) {
        throw unprocessable('confirmation_mismatch', both(E.confirmationMismatch));
      }
      const settings = await getSettings(db);
      const today = localDate(Date.now(), settings.timeZone);
      if (!dataWindowEnded(customer.serviceEndsOn, today) || !customer.deletionDueAt) {
        const until = dataAvailableUntil(customer.serviceEndsOn);
        throw unprocessable('data_window_open', until ? both(E.dataWindowOpen, { until }) : both(E.serviceNoEnd), {
          dataAvailableUntil: until,
        });
      }
      const lastKeptDay = addDays(today, -DATA_WINDOW_DAYS);
      const done = await anonymiseCustomer(db, id, lastKeptDay, say('ru', ACCOUNT_WORDS.deletedName, { id }));
      if (!done) throw deleted();
      return c.json((await findCustomer(db, id))!, 200);
    },
  );

export const deletionsRouter = router().openapi(
  staffRoute(ADMIN, {
    method: 'get',
    path: '/',
    tags: ['account'],
    summary:
      'Customers whose 30-day window after the end of service ended (listed by the daily Cron): each waits for an admin to confirm the ' +
      'deletion',
    responses: { 200: jsonResponse(z.array(DueDeletion), 'customers to delete, oldest end first'), ...commonErrors },
  }),
  async (c) =>
    c.json(
      (await dueDeletions(c.var.db)).map((r) => ({ ...r, dataAvailableUntil: dataAvailableUntil(r.serviceEndsOn) })),
      200,
    ),
);
