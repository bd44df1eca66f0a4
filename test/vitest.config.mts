// `npm test`: the Worker's own tests, run inside workerd against a real local D1.
// Storage is isolated per test file; the setup file migrates and seeds each file's database.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { webcrypto } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { DEMO_PASSWORD, DEMO_USERS } from '../schema/seed/demo';
import { baseSeedSql } from '../schema/seed/sql';
import { hashPassword } from '../worker/platform/secrets';

if (!globalThis.crypto) (globalThis as { crypto?: unknown }).crypto = webcrypto;

const root = fileURLToPath(new URL('..', import.meta.url));
// wrangler.toml names web/dist as the static assets; the API tests need it to exist, not built.
mkdirSync(`${root}/web/dist`, { recursive: true });

export default defineConfig(async () => {
  // One PBKDF2 hash for all demo users, computed once here rather than in every test file.
  const hash = await hashPassword(DEMO_PASSWORD);
  const seed = baseSeedSql(Object.fromEntries(DEMO_USERS.map((u) => [u.email, hash])));
  return {
    root,
    plugins: [
      cloudflareTest({
        main: './worker/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          // A second, empty database for the customer-export round trip; a third, not migrated at all,
          // for the migrations' own tests (test/api/migration-accounting.test.ts).
          d1Databases: ['DB', 'IMPORT_DB', 'MIGRATION_DB'],
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations(`${root}/schema/migrations`),
            TEST_SEED: seed,
          },
        },
      }),
    ],
    test: {
      include: ['test/domain/**/*.test.ts', 'test/api/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
      testTimeout: 30_000,
    },
  };
});
