/** The Worker's entry: only handlers may be exported from here (the app is in app.ts). */
import { app } from './app';

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
