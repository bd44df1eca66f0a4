/** The Worker's entry: only handlers may be exported from here (the app is in app.ts). */
import { app } from './app';
import { deliveryDeps, enqueueMails, handleOutboxBatch, type OutboxMessage } from './mail/queue';
import { runSchedule } from './mail/schedule';
import { database } from './store/db';

export default {
  fetch: app.fetch,
  /** The outbox's consumer: each message delivered at most once (worker/mail/deliver.ts). */
  async queue(batch, env) {
    await handleOutboxBatch(batch as MessageBatch<OutboxMessage>, deliveryDeps(env, database(env.DB)));
  },
  /** Hourly: reminders, expiry notices, the outbox's sweep (worker/mail/schedule.ts). */
  async scheduled(controller, env) {
    const ids = await runSchedule(database(env.DB), new Date(controller.scheduledTime));
    await enqueueMails(env.OUTBOX as Queue<OutboxMessage>, ids);
  },
} satisfies ExportedHandler<Env>;
