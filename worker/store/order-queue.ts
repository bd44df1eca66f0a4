/**
 * The queue of a customer's work orders: balance, overdraft and open orders as the queue sees
 * them, and reconciling — starting, pausing and resuming orders as the balance allows.
 */
import { and, inArray, sql } from 'drizzle-orm';
import { customers, orderStages, orders } from '../../schema/tables';
import { actionOf, reconcile, type QueueOrder } from '../domain/ledger';
import { OPEN_ORDER_STATUSES, ORDER_LIFECYCLE } from '../domain/order-lifecycle';
import { batch, raw, type Db } from './db';
import { allowedBy, inStates } from './guards';

export interface CustomerQueue {
  customerId: number;
  balanceCenti: number;
  overdraftCenti: number;
  lowBalanceCenti: number | null;
  orders: QueueOrder[];
}

/** Each customer's balance, overdraft, own low-balance threshold and open orders, as the queue sees them (one batch). */
export async function customerQueues(db: Db, customerIds: readonly number[]): Promise<Map<number, CustomerQueue>> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return new Map();
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const [people, heads, stages] = await batch(db, [
    db
      .select({
        customerId: customers.id,
        balanceCenti: customers.balanceCenti,
        overdraftCenti: customers.overdraftCenti,
        lowBalanceCenti: customers.lowBalanceCenti,
      })
      .from(customers)
      .where(inArray(customers.id, ids)),
    db
      .select()
      .from(orders)
      .where(and(inArray(orders.customerId, ids), inArray(orders.status, OPEN_ORDER_STATUSES))),
    db
      .select({ orderId: orderStages.orderId, n: orderStages.n, status: orderStages.status, normHoursCenti: orderStages.normHoursCenti })
      .from(orderStages)
      .where(
        sql`${orderStages.orderId} in (select id from orders where customer_id in (${list}) and
          ${inStates(sql`status`, OPEN_ORDER_STATUSES)})`,
      ),
  ]);
  const out = new Map<number, CustomerQueue>();
  for (const p of people) {
    const mine = heads.filter((o) => o.customerId === p.customerId);
    out.set(p.customerId, {
      ...p,
      orders: mine.map((o) => ({ id: o.id, status: o.status, approvedAt: o.approvedAt, stages: stages.filter((s) => s.orderId === o.id) })),
    });
  }
  return out;
}

export async function customerQueue(db: Db, customerId: number): Promise<CustomerQueue | null> {
  return (await customerQueues(db, [customerId])).get(customerId) ?? null;
}

/** Puts every order of the customer where the rules say it belongs now; retries if raced. */
export async function reconcileCustomer(db: Db, customerId: number, attempt = 0): Promise<void> {
  const q = await customerQueue(db, customerId);
  if (!q) return;
  const changes = reconcile(q.balanceCenti, q.overdraftCenti, q.orders);
  if (changes.length === 0) return;
  const now = new Date().toISOString();
  const results = await batch(
    db,
    changes.map((c) =>
      raw(sql`update orders set status = ${c.to}, version = version + 1,
                    started_at = case when ${c.to} = 'in_progress' then coalesce(started_at, ${now}) else started_at end,
                    finished_at = case when ${c.to} = 'done' then ${now} else finished_at end
                  where id = ${c.orderId} and status = ${c.from} and ${allowedBy(ORDER_LIFECYCLE, actionOf(c), sql`status`)}`),
    ),
  );
  const raced = results.some((r) => ((r as { meta?: { changes?: number } }).meta?.changes ?? 0) === 0);
  if (raced && attempt < 3) await reconcileCustomer(db, customerId, attempt + 1);
}
