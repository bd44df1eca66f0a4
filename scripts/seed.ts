/**
 * Loads the demo data into the local D1 when it is empty (never into production:
 * the demo data lives here, not in the migrations). Usage: tsx scripts/seed.ts [--persist-to DIR]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../schema/seed/demo';
import { demoHistorySql } from '../schema/seed/history';
import { baseSeedSql } from '../schema/seed/sql';
import { hashPassword } from '../worker/platform/secrets';
import { d1Query, wrangler } from './wrangler';

export async function seedIfEmpty(persistTo?: string): Promise<boolean> {
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  const [row] = d1Query<{ n: number }>('select count(*) as n from users', '--local', persistTo);
  if ((row?.n ?? 0) > 0) return false;
  const hashes: Record<string, string> = {};
  for (const u of DEMO_USERS) hashes[u.email] = await hashPassword(DEMO_PASSWORD);
  const statements = [...baseSeedSql(hashes), ...demoHistorySql(new Date())];
  const dir = mkdtempSync(join(tmpdir(), 'normhours-seed-'));
  const file = join(dir, 'seed.sql');
  writeFileSync(file, `${statements.join('\n')}\n`);
  try {
    wrangler(['d1', 'execute', 'DB', '--local', '--file', file, ...persist], { capture: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--persist-to');
  const seeded = await seedIfEmpty(i > 0 ? process.argv[i + 1] : undefined);
  console.log(seeded ? 'Demo data loaded.' : 'The database already has data; nothing loaded.');
}
