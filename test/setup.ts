// Runs before each test file: migrate the file's own D1 and load the demo data.
import { applyD1Migrations, env, type D1Migration } from 'cloudflare:test';

const testEnv = env as unknown as Env & { TEST_MIGRATIONS: D1Migration[]; TEST_SEED: string[]; IMPORT_DB: D1Database };
await applyD1Migrations(testEnv.DB, testEnv.TEST_MIGRATIONS);
await applyD1Migrations(testEnv.IMPORT_DB, testEnv.TEST_MIGRATIONS);
const seeded = await testEnv.DB.prepare('select count(*) as n from users').first<{ n: number }>();
if (!seeded?.n) await testEnv.DB.batch(testEnv.TEST_SEED.map((sql) => testEnv.DB.prepare(sql)));
