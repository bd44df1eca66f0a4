import { defineConfig } from 'drizzle-kit';

// Migrations are generated as plain SQL and applied by wrangler (start, deploy) and by the test setup.
export default defineConfig({
  dialect: 'sqlite',
  schema: './schema/tables.ts',
  out: './schema/migrations',
});
