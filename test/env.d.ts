/// <reference types="vite/client" />
declare module 'cloudflare:test' {
  interface ProvidedEnv extends Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    TEST_SEED: string[];
    IMPORT_DB: D1Database;
  }
}
