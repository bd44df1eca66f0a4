/**
 * Starts the app as `npm start` does — UI build, migrations, demo data, wrangler dev — on a
 * free port with a fresh D1 in a temporary folder, and stops everything it started when the
 * run ends, even after a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/free-port';

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${url} within ${timeoutMs / 1000} s`);
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'normhours-e2e-'));
  const log: string[] = [];
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--persist-to', state], {
    env: { ...process.env, PORT: String(port), CI: process.env.CI ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so that wrangler and workerd stop with it
  });
  // The app's output is also kept in <state>/app.log: the simulated Email Service prints
  // there where it wrote each message (test/e2e/mailbox.ts reads it).
  const logFile = join(state, 'app.log');
  const keep = (d: unknown) => {
    log.push(String(d));
    try {
      appendFileSync(logFile, String(d));
    } catch {
      // the state folder is gone: the run is over
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(state, { recursive: true, force: true });
  };
  process.once('exit', stop);
  try {
    await waitFor(`http://localhost:${port}/api/health/db`, child, 180_000);
  } catch (e) {
    stop();
    throw new Error(`${(e as Error).message}\n--- app output ---\n${log.join('').slice(-4000)}`);
  }
  project.provide('baseUrl', `http://localhost:${port}`);
  project.provide('statePath', state);
  return async () => {
    stop();
    await new Promise((r) => setTimeout(r, 300));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    statePath: string;
  }
}
