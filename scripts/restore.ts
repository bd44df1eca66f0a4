/**
 * Restores a dump made by `npm run backup` into an EMPTY database (a new one: see README).
 *   npm run restore -- backups/normhours-….sql [--remote] [--database normhours-restore] [--persist-to dir]
 * `wrangler d1 export` writes tables alphabetically, so a table can arrive before the table
 * its rows refer to; this puts every CREATE TABLE first, the rows next (foreign keys checked
 * at the end of the import), and indexes and triggers last — which also keeps the ledger's
 * balance trigger from counting the restored entries a second time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { d1Query, wrangler } from './wrangler';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    remote: { type: 'boolean', default: false },
    database: { type: 'string', default: 'normhours' },
    'persist-to': { type: 'string' },
  },
});
const [file] = positionals;
if (!file) {
  console.error('Usage: npm run restore -- <dump.sql> [--remote] [--database name] [--persist-to dir]');
  process.exit(2);
}

/**
 * Splits a dump into statements: a semicolon ends one only outside quotes (text from users may
 * hold `;` and line breaks) and, in a CREATE TRIGGER, only after the body's END.
 */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      if (ch === quote) {
        if (sql[i + 1] === quote)
          i++; // '' or "" is an escaped quote
        else quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      continue;
    }
    if (ch === '[') {
      quote = ']';
      continue;
    }
    if (ch !== ';') continue;
    const text = sql.slice(start, i + 1).trim();
    if (/^CREATE\s+TRIGGER/i.test(text) && !/\bEND\s*;$/i.test(text)) continue;
    out.push(text);
    start = i + 1;
  }
  const tail = sql.slice(start).trim();
  if (tail) out.push(tail);
  return out.filter((s) => s && !/^PRAGMA/i.test(s));
}

export function reorder(sql: string): string {
  const all = statements(sql);
  const tables = all.filter((s) => /^CREATE TABLE/i.test(s));
  const rows = all.filter((s) => /^INSERT/i.test(s));
  const rest = all.filter((s) => !/^CREATE TABLE/i.test(s) && !/^INSERT/i.test(s));
  return `${['PRAGMA defer_foreign_keys = on;', ...tables, ...rows, ...rest].join('\n')}\n`;
}

const target = values.remote ? '--remote' : '--local';
const persist = values['persist-to'];
const existing = d1Query<{ n: number }>(
  "select count(*) as n from sqlite_master where type = 'table' and name = 'users'",
  target as '--local',
  persist,
  values.database,
);
if ((existing[0]?.n ?? 0) > 0) {
  console.error(
    `The database ${values.database} is not empty. Restore into a new database (npx wrangler d1 create …) and point wrangler.toml at it.`,
  );
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'normhours-restore-'));
const ordered = join(dir, 'restore.sql');
writeFileSync(ordered, reorder(readFileSync(file, 'utf8')));
try {
  const args = ['d1', 'execute', values.database!, target, '--file', ordered, '--yes'];
  if (persist) args.push('--persist-to', persist);
  wrangler(args, { capture: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`Restored ${file} into ${values.database} (${values.remote ? 'remote' : 'local'}).`);
