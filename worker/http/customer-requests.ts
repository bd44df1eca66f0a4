/**
 * The customer's side of service requests, shared by the JSON API (routes/account-requests.ts)
 * and the account page's forms (routes/account/page.ts): raise one, reply on one.
 */
import type { NewRequestBodyT } from '../../schema/api';
import type { RequestPriority } from '../domain/sla';
import { MAIL_WORDS } from '../domain/words/mail';
import { ERRORS as E } from '../domain/words/errors';
import { REQUEST_WORDS as W } from '../domain/words/requests';
import { both } from '../domain/words/words';
import { enqueueMails } from '../mail/queue';
import type { Db } from '../store/db';
import { createRequest, customerReply, listCustomerRequests } from '../store/requests';
import { calendarOf, getSettings } from '../store/settings';
import { appOrigin, clientIp, type AppContext } from './auth';
import { notFound, unprocessable } from './errors';

/** A new request from the customer (the API and the account page's form): numbered, deadline set, managers told. */
/** `formKey`: the account page form's one-time key — a second send of the same form (a double tap) answers the first request. */
export async function raiseRequest(c: AppContext, customerId: number, b: NewRequestBodyT, formKey?: string) {
  const db = c.var.db;
  const settings = await getSettings(db);
  const created = await createRequest(
    db,
    {
      customerId,
      kind: b.kind,
      subject: b.subject,
      description: b.description,
      priority: b.priority as RequestPriority,
      ip: clientIp(c),
      origin: appOrigin(c),
    },
    calendarOf(settings),
    new Date(),
    MAIL_WORDS.requestNewSubject[0],
    formKey ? { scope: 'account-request-form', key: `${customerId}:${formKey}`, requestHash: '' } : undefined,
  );
  if (!created) throw notFound(both(E.noSuchLink));
  await enqueueMails(c.env.OUTBOX, created.mailIds);
  return (await listCustomerRequests(db, customerId)).find((r) => r.id === created.request.id)!;
}

/** The customer's reply on one of their requests; 404 when it is not theirs, 422 when it is closed. */
export async function replyToRequest(db: Db, customerId: number, id: number, name: string, body: string) {
  const theirs = (await listCustomerRequests(db, customerId)).find((r) => r.id === id);
  if (!theirs) throw notFound(both(W.notFound));
  if (!(await customerReply(db, id, customerId, name, body, new Date().toISOString())))
    throw unprocessable('request_closed', both(W.closed));
  return (await listCustomerRequests(db, customerId)).find((r) => r.id === id)!;
}
