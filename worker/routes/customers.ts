/** Customers and their balances. */
import { z } from '@hono/zod-openapi';
import { Balance, Customer, CustomerPatchBody, ErrorBody, IdParam, NewCustomerBody } from '../../schema/api';
import { STAFF, currentUser, type AppContext } from '../http/auth';
import { AppError, conflict, unprocessable } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { customerOr404 } from '../http/lookups';
import { insertCustomer, listCustomers, updateCustomer } from '../store/customers';
import { customerQueue } from '../store/order-queue';
import { lowBalance } from '../domain/low-balance';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

/** Credit (an overdraft) is granted by an accountant or an admin only (DOMAIN.md). */
const CREDITORS = ['accountant', 'admin'] as const;
function grantsCredit(c: AppContext) {
  if (!(CREDITORS as readonly string[]).includes(currentUser(c).role)) {
    throw new AppError(403, 'forbidden', both(E.creditForbidden), { allowedRoles: CREDITORS, field: 'overdraftCenti' });
  }
}

/** Ending a customer's service starts the countdown to deleting their data: an admin's decision (seeds 001/002). */
function endsService(c: AppContext) {
  if (currentUser(c).role !== 'admin') {
    throw new AppError(403, 'forbidden', both(E.serviceEndForbidden), { allowedRoles: ['admin'], field: 'serviceEndsOn' });
  }
}

const CustomerQuery = z.object({ q: z.string().max(200).optional() });

export const customers = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['customers'],
      summary: 'Customers with their norm-hour balances',
      request: { query: CustomerQuery },
      responses: { 200: jsonResponse(z.array(Customer), 'customers'), ...commonErrors },
    }),
    async (c) => c.json(await listCustomers(c.var.db, c.req.valid('query').q?.trim() || undefined), 200),
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'post',
      path: '/',
      tags: ['customers'],
      summary: 'Add a customer',
      request: { body: jsonBody(NewCustomerBody) },
      responses: { 201: jsonResponse(Customer, 'created'), ...commonErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if ((body.overdraftCenti ?? 0) !== 0) grantsCredit(c);
      return c.json(await insertCustomer(c.var.db, body), 201);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['customers'],
      summary: 'One customer, with whether their balance is below its threshold (their own, or what their next stages need)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Customer, 'customer'), ...commonErrors },
    }),
    async (c) => {
      const customer = await customerOr404(c.var.db, c.req.valid('param').id);
      const queue = await customerQueue(c.var.db, customer.id);
      return c.json({ ...customer, lowBalance: lowBalance(customer.balanceCenti, customer.lowBalanceCenti, queue?.orders ?? []) }, 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'patch',
      path: '/{id}',
      tags: ['customers'],
      summary: 'Change a customer’s details',
      request: { params: IdParam, body: jsonBody(CustomerPatchBody) },
      responses: { 200: jsonResponse(Customer, 'updated'), 409: jsonResponse(ErrorBody, 'stale version'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...fields } = c.req.valid('json');
      const current = await customerOr404(c.var.db, id);
      if (fields.overdraftCenti !== undefined && fields.overdraftCenti !== current.overdraftCenti) grantsCredit(c);
      if (fields.serviceEndsOn !== undefined && fields.serviceEndsOn !== current.serviceEndsOn) endsService(c);
      if (current.anonymisedAt) {
        throw unprocessable('customer_deleted', both(E.customerAnonymised));
      }
      // A new end date puts the customer back among those still served: listed again only when its window ends.
      if (fields.serviceEndsOn !== undefined && fields.serviceEndsOn !== current.serviceEndsOn)
        Object.assign(fields, { deletionDueAt: null });
      const updated = await updateCustomer(c.var.db, id, fields, version);
      if (!updated) {
        throw conflict('version_conflict', both(E.customerVersionConflict), { currentVersion: current.version });
      }
      return c.json(updated, 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/balance',
      tags: ['customers', 'ledger'],
      summary: 'The customer’s norm-hour balance (sum of the ledger)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Balance, 'balance'), ...commonErrors },
    }),
    async (c) => {
      const customer = await customerOr404(c.var.db, c.req.valid('param').id);
      return c.json(
        {
          customerId: customer.id,
          normHoursCenti: customer.balanceCenti,
          overdraftCenti: customer.overdraftCenti,
          availableCenti: customer.balanceCenti + customer.overdraftCenti,
        },
        200,
      );
    },
  );
