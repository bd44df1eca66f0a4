/** Requests through the real Worker, logged in as a demo user, with the app's own Origin. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../schema/seed/demo';
import worker from '../../worker/index';

export const ORIGIN = 'http://localhost';
export type As = 'admin' | 'manager' | 'accountant' | 'anon';

const cookies = new Map<string, string>();

/**
 * A client address no other test uses. The Rate Limiting bindings count per address across
 * every test file of the run (they are one simulated service), so each file's addresses start
 * from a random /64 of the documentation prefix.
 */
const ipBase = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
let ipCounter = 0;
export const freshIp = () => `${ipBase}::${(++ipCounter).toString(16)}`;
/** The address this file logs in from (logins are limited per address and minute). */
const LOGIN_IP = freshIp();

/**
 * A request through the Worker's own fetch handler (worker/index.ts), in workerd, with the
 * test's bindings. (The pool's loopback `exports.default.fetch` grows slower with every call,
 * which made long tests crawl; the handler itself is what Cloudflare calls anyway.)
 */
export async function fetchWorker(input: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(new URL(input, ORIGIN), init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

export async function login(email: string, password = DEMO_PASSWORD, ip = LOGIN_IP): Promise<Response> {
  return fetchWorker('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': ip },
    body: JSON.stringify({ email, password }),
  });
}

export async function sessionCookie(as: Exclude<As, 'anon'>): Promise<string> {
  const cached = cookies.get(as);
  if (cached) return cached;
  const res = await login(`${as}@demo.local`);
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  cookies.set(as, cookie);
  return cookie;
}

export interface CallOptions {
  as?: As;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const as = options.as ?? 'manager';
  const headers: Record<string, string> = { origin: ORIGIN, ...options.headers };
  if (as !== 'anon') headers.cookie = await sessionCookie(as);
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  return fetchWorker(path, { method, headers, body });
}

/** Calls and checks the status, returning the parsed JSON. */
export async function ok<T = any>(method: string, path: string, options: CallOptions = {}, status = 200): Promise<T> {
  const res = await call(method, path, options);
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status}, expected ${status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Calls, expects an error status and the API.md error shape; returns the error. */
export async function fails(
  method: string,
  path: string,
  options: CallOptions,
  status: number,
  code?: string,
): Promise<{ code: string; message: string; details?: any }> {
  const res = await call(method, path, options);
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status}, expected ${status}: ${text}`);
  const body = JSON.parse(text);
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  expect(body.error.message.length).toBeGreaterThan(5);
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

/**
 * Statuses of requests sent one after another from one address to a route limited to `limit`
 * per window: sending 2 × limit + 1 makes one window hold more than `limit` whatever the clock,
 * so a 429 must come, and never before `limit` requests were let through.
 */
export function expectThrottledAfter(statuses: number[], limit: number) {
  expect(statuses.length).toBeGreaterThan(2 * limit);
  const first = statuses.indexOf(429);
  expect(first, 'some request is refused with 429').toBeGreaterThanOrEqual(0);
  expect(first, `the first ${limit} requests pass`).toBeGreaterThanOrEqual(limit);
}
