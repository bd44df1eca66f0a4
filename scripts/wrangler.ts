/** Runs the project's own wrangler, offline-friendly (no telemetry, no Request.cf download). */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const WRANGLER = require.resolve('wrangler/bin/wrangler.js');

export const offlineEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

export function wrangler(args: string[], options: { capture?: boolean } = {}): string {
  const r = spawnSync(process.execPath, [WRANGLER, ...args], {
    env: offlineEnv,
    stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    if (options.capture) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`wrangler ${args.join(' ')} failed (exit ${r.status})`);
  }
  return r.stdout ?? '';
}

export function spawnWrangler(args: string[], options: SpawnOptions = {}) {
  return spawn(process.execPath, [WRANGLER, ...args], { env: offlineEnv, stdio: 'inherit', ...options });
}

/** Runs one SQL statement on the local (or remote) D1 and returns its rows. */
export function d1Query<T = Record<string, unknown>>(
  sql: string,
  target: '--local' | '--remote',
  persistTo?: string,
  database = 'DB',
): T[] {
  const args = ['d1', 'execute', database, target, '--json', '--command', sql];
  if (persistTo) args.push('--persist-to', persistTo);
  const out = wrangler(args, { capture: true });
  const parsed = JSON.parse(out.slice(out.indexOf('['))) as { results: T[] }[];
  return parsed[0]?.results ?? [];
}
