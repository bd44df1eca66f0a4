/**
 * The outbox's queue: after the batch that wrote a message commits, its id goes to the
 * Cloudflare Queue; the consumer (`handleOutboxBatch`) delivers it. A message whose id never
 * reached the queue is found by the hourly sweep (worker/mail/schedule.ts), so losing the
 * enqueue never loses the e-mail.
 */
import type { Db } from '../store/db';
import { deliverMail, type DeliveryDeps } from './deliver';
import { emailServiceTransport } from './transport';

export interface OutboxMessage {
  id: number;
}

export async function enqueueMails(queue: Queue<OutboxMessage> | undefined, ids: readonly number[]): Promise<void> {
  if (!queue || ids.length === 0) return;
  try {
    await queue.sendBatch(ids.map((id) => ({ body: { id } })));
  } catch (e) {
    console.warn('outbox: the queue refused the messages; the sweep will send them', ids, e);
  }
}

export function deliveryDeps(env: Env, db: Db): DeliveryDeps {
  return { db, transport: emailServiceTransport(env.EMAIL), from: env.MAIL_FROM };
}

/** The queue consumer: each message delivered once; a failed attempt retried later by the queue. */
export async function handleOutboxBatch(batch: MessageBatch<OutboxMessage>, deps: DeliveryDeps): Promise<void> {
  for (const message of batch.messages) {
    const id = Number(message.body?.id);
    if (!Number.isSafeInteger(id)) {
      message.ack();
      continue;
    }
    const delivered = await deliverMail(deps, id);
    if (delivered.outcome === 'retry') message.retry({ delaySeconds: delivered.delaySeconds });
    else message.ack();
  }
}
