/**
 * A full SQL dump of the database (schema and data), for safe keeping.
 *   npm run backup                      → backups/normhours-<time>.sql from the local D1
 *   npm run backup -- --remote          → the same from the deployed D1 (wrangler d1 export)
 *   npm run backup -- --output file.sql [--persist-to dir]
 * `wrangler d1 export --local` only reads the default .wrangler/state, so the local dump is
 * taken here with the same Miniflare export wrangler itself uses, from any --persist-to folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Miniflare } from 'miniflare';
import { wrangler } from './wrangler';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    output: { type: 'string' },
    'persist-to': { type: 'string' },
    database: { type: 'string', default: 'normhours' },
  },
});
const output = values.output ?? `backups/normhours-${new Date().toISOString().replace(/[:.]/g, '-')}.sql`;
mkdirSync(dirname(output), { recursive: true });

/** The id wrangler dev gives the local copy of a database: its database_id in wrangler.toml. */
function localDatabaseId(name: string): string {
  const toml = readFileSync('wrangler.toml', 'utf8');
  for (const block of toml.split('[[d1_databases]]').slice(1)) {
    const field = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]+)"`, 'm').exec(block)?.[1];
    if (field('database_name') === name || field('binding') === name) return field('preview_database_id') ?? field('database_id')!;
  }
  throw new Error(`No D1 database named ${name} in wrangler.toml`);
}

async function exportLocal(persistTo: string, id: string): Promise<string> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default {}',
    d1Persist: join(persistTo, 'v3', 'd1'),
    d1Databases: { DATABASE: id },
  });
  try {
    const db = await mf.getD1Database('DATABASE');
    const dump = await db.prepare('PRAGMA miniflare_d1_export(?,?,?);').bind(0, 0).raw<string[]>();
    return (dump[0] ?? []).join('\n');
  } finally {
    await mf.dispose();
  }
}

if (values.remote) {
  wrangler(['d1', 'export', values.database!, '--remote', '--output', output], { capture: true });
} else {
  const persistTo = resolve(values['persist-to'] ?? '.wrangler/state');
  const sql = await exportLocal(persistTo, localDatabaseId(values.database!));
  if (!/CREATE TABLE/i.test(sql)) throw new Error(`The local database in ${persistTo} is empty: nothing to back up (run npm start first).`);
  writeFileSync(output, sql);
}
console.log(`Backup written to ${output}`);
