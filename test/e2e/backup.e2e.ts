/**
 * The documented backup and restore (README, "Back up and restore") on the running app's own
 * database: `npm run backup` dumps it, `npm run restore` loads the dump into an empty
 * database, and the copy holds the same rows and the same balances.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const tsx = (args: string[]) =>
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });

function query(persistTo: string, sql: string): Record<string, unknown>[] {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [
        'node_modules/wrangler/bin/wrangler.js',
        'd1',
        'execute',
        'normhours',
        '--local',
        '--persist-to',
        persistTo,
        '--json',
        '--command',
        sql,
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      },
    );
  } catch (e) {
    const failed = e as { stdout?: string; stderr?: string };
    throw new Error(`${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
  return JSON.parse(out.slice(out.indexOf('[')))[0].results;
}

const FINGERPRINT =
  `select
  (select count(*) from quotes) as quotes, (select count(*) from quote_lines) as lines, (select count(*) from orders) as orders,
  (select count(*) from ledger_entries) as entries, (select count(*) from audit_log) as audit, (select count(*) from pledges) as pledges,
  (select group_concat(id || ':' || balance_centi, ',') from customers) as balances,
  (select sum(norm_hours_centi) from ledger_entries) as ledger_sum, (select group_concat(name || '=' || value, ',') from counters) as ` +
  `counters`;

/** Text a person may type: semicolons at line ends, quotes, a trigger-like END; and Cyrillic. */
const TRICKY = 'ООО «Точка; запятая»;\nEND;\n\'); DROP TABLE customers; --\n"двойные" кавычки;';

async function createCustomer(name: string): Promise<string> {
  const base = inject('baseUrl');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'manager@demo.local', password: 'demo-password' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`${base}/api/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify({ name }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('backup and restore', () => {
  it('a dump restored into an empty database holds the same data and balances', async () => {
    const state = inject('statePath');
    const trickyId = await createCustomer(TRICKY);
    const dir = mkdtempSync(join(tmpdir(), 'normhours-backup-'));
    try {
      const dump = join(dir, 'backup.sql');
      expect(tsx(['scripts/backup.ts', '--persist-to', state, '--output', dump])).toContain('Backup written');
      const copy = join(dir, 'restored');
      expect(tsx(['scripts/restore.ts', dump, '--persist-to', copy])).toContain('Restored');
      const original = query(state, FINGERPRINT)[0]!;
      expect(Number(original.entries)).toBeGreaterThan(10);
      expect(query(copy, FINGERPRINT)[0]).toEqual(original);
      // text with semicolons, quotes and line breaks comes back character for character
      expect(query(copy, `select name from customers where id = '${trickyId}'`)[0]!.name).toBe(TRICKY);
      // the balance is still the sum of the ledger after the restore (the trigger did not count twice)
      const drift = query(
        copy,
        'select count(*) as n from customers c where balance_centi <> coalesce((select sum(norm_hours_centi) from ledger_entries l ' +
          'where l.customer_id = c.id), 0)',
      );
      expect(drift[0]!.n).toBe(0);
      // and the append-only triggers came back with it
      expect(() => query(copy, 'delete from ledger_entries')).toThrow(/append-only/);
      // restoring over a database that has data is refused
      expect(() => tsx(['scripts/restore.ts', dump, '--persist-to', copy])).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
