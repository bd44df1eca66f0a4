/** The Worker's entry: only handlers may be exported from here (the app is in app.ts). */
import { app } from './app';
import { deliveryDeps, enqueueMails, handleOutboxBatch, type OutboxMessage } from './mail/queue';
import { runSchedule } from './mail/schedule';
import { database } from './store/db';
import { listEndedService } from './store/account';

export default {
  fetch: app.fetch,
  /** The outbox's consumer: each message delivered at most once (worker/mail/deliver.ts). */
  async queue(batch, env) {
    await handleOutboxBatch(batch as MessageBatch<OutboxMessage>, deliveryDeps(env, database(env.DB)));
  },
  /** Hourly: reminders, expiry notices, the outbox's sweep (worker/mail/schedule.ts); customers past their data window. */
  async scheduled(controller, env) {
    const db = database(env.DB);
    const ids = await runSchedule(db, new Date(controller.scheduledTime));
    await enqueueMails(env.OUTBOX as Queue<OutboxMessage>, ids);
    // End of service (seeds 001/002): customers whose 30-day window ended wait for an admin's confirmation.
    await listEndedService(db, new Date(controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
