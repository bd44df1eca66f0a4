/** The app's API as a staff member uses it: a session cookie, and `Origin` on every write. */

export interface Session {
  base: string;
  cookie: string;
  origin: string;
}

export async function login(base: string, email: string, password = 'demo-password'): Promise<Session> {
  // The CSRF check compares Origin with the request's own origin; wrangler dev is reached as 127.0.0.1.
  const origin = base;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email} → ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('nh_session='));
  if (!cookie) throw new Error('login answered no nh_session cookie');
  return { base, cookie, origin };
}

export async function call<T = any>(s: Session, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { cookie: s.cookie };
  if (method !== 'GET') headers.origin = s.origin;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${s.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Wall-clock milliseconds of one request, with its body read to the end. */
export async function timed(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

/** Runs `fn` over `items`, at most `limit` at a time, and keeps the order of the answers. */
export async function pool<I, O>(items: I[], limit: number, fn: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
