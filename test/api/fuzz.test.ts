/**
 * Every route of /api/openapi.json driven with generated bad input — path parameters, queries,
 * JSON bodies of the wrong shape, type and size, bodies that are not JSON, odd headers — as an
 * admin (so the role check lets the input through to validation) and sometimes as nobody.
 * Whatever arrives: never a 5xx, and every error has the API.md shape with a message.
 * Seeded, so a failure replays: the seed and the request are in the failure message.
 */
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, randomToken, sha256Hex } from '../../worker/platform/secrets';
import { ORIGIN, fetchWorker } from '../support/api';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Param = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  'x-access'?: string;
};

const SEED = 20261201;
const RUNS_PER_ROUTE = 50;
const FUZZ_ADMIN_ID = 4242;

let doc: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

beforeAll(async () => {
  doc = (await (await fetchWorker('/api/openapi.json')).json()) as typeof doc;
  // An admin of its own, so that no generated request (a PATCH of a user, a logout) can lock the fuzzer out.
  await env.DB.prepare(
    "insert or ignore into users (id, email, name, role, password_hash, active, created_at) values (?, 'fuzz@demo.local', 'Fuzz', " +
      "'admin', ?, 1, ?)",
  )
    .bind(FUZZ_ADMIN_ID, await hashPassword('fuzz-password-unused', 1000), new Date().toISOString())
    .run();
});

async function freshSession(): Promise<string> {
  const token = randomToken();
  await env.DB.prepare('insert into sessions (id, user_id, created_at, expires_at) values (?, ?, ?, ?)')
    .bind(await sha256Hex(token), FUZZ_ADMIN_ID, new Date().toISOString(), new Date(Date.now() + 3_600_000).toISOString())
    .run();
  return `nh_session=${token}`;
}

const resolve = (s: Schema | undefined): Schema | undefined => {
  if (!s?.$ref) return s;
  return doc.components?.schemas?.[s.$ref.split('/').pop()!];
};

/** Values that break types, ranges, formats and sizes. */
const nasty = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0.000001,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    '',
    ' ',
    'x'.repeat(5000),
    '0',
    '-1',
    '1e9',
    'NaN',
    'null',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '\u0000',
    '\ud800',
    '2026-13-45',
    '0001-01',
    '2100-01-01T00:00:00Z',
    '../../etc/passwd',
    [],
    {},
    [1, 2, 3],
    { a: { b: { c: [] } } },
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A body shaped like the schema (its property names), with nasty values; or anything at all. */
function bodyFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const props = Object.keys(s?.properties ?? {});
  const shaped = props.length ? fc.dictionary(fc.constantFrom(...props), nasty, { maxKeys: props.length }) : fc.constant({});
  const mostlyRight = props.length
    ? fc.record(
        Object.fromEntries(props.map((p) => [p, fc.oneof(nasty, fc.constantFrom(1, 1000, 'Текст', 'draft', '2026-12-01', 'RUB'))])),
        { requiredKeys: [] },
      )
    : fc.constant({});
  return fc.oneof(shaped, mostlyRight, fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 6 }));
}

// (A segment of '.' or '..' is not a value: URLs resolve it away before any route sees it.)
const pathValue = fc
  .oneof(
    fc.constantFrom(
      '1',
      '2',
      '0',
      '-1',
      '1.5',
      '2147483648',
      '999999999999999999999',
      'abc',
      'null',
      '%00',
      '..%2F',
      'x'.repeat(300),
      randomToken(),
    ),
    fc.string({ minLength: 1, maxLength: 20 }),
  )
  .filter((v) => v !== '.' && v !== '..');

interface Generated {
  path: Record<string, string>;
  query: [string, string][];
  body: { kind: 'json'; value: unknown } | { kind: 'text'; value: string } | { kind: 'none' };
  key: string | null;
  anonymous: boolean;
  textAsJson: boolean;
}

function requestArb(op: Operation): fc.Arbitrary<Generated> {
  const params = op.parameters ?? [];
  const pathNames = params.filter((p) => p.in === 'path').map((p) => p.name);
  const queryNames = params.filter((p) => p.in === 'query').map((p) => p.name);
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
  return fc.record({
    path: fc.record(Object.fromEntries(pathNames.map((n) => [n, pathValue]))) as fc.Arbitrary<Record<string, string>>,
    query: fc.array(
      fc.tuple(
        queryNames.length ? fc.oneof(fc.constantFrom(...queryNames), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }),
        fc.oneof(pathValue, fc.string({ maxLength: 30 })),
      ),
      { maxLength: 4 },
    ),
    body: fc.oneof(
      bodyFor(jsonSchema).map((value) => ({ kind: 'json' as const, value })),
      fc
        .oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"a":', '[]]', 'null', '', '\u0000'))
        .map((value) => ({ kind: 'text' as const, value })),
      fc.constant({ kind: 'none' as const }),
    ),
    key: fc.option(
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('short', 'with space key!', 'quote"in"key', 'k'.repeat(300), randomToken())),
      { nil: null },
    ),
    anonymous: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    textAsJson: fc.boolean(),
  });
}

function urlOf(path: string, g: Generated): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(g.path[name] ?? '1'));
  const qs = g.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return qs ? `${filled}?${qs}` : filled;
}

describe('fuzzing every route of the OpenAPI document', () => {
  it('never answers 5xx, and every error has the API.md shape', async () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    let cases = 0;
    for (const [i, { path, method, op }] of operations.entries()) {
      const cookie = await freshSession();
      const page = Object.keys(op.responses?.['200']?.content ?? {}).includes('text/html');
      await fc.assert(
        fc.asyncProperty(requestArb(op), async (g) => {
          const headers: Record<string, string> = { origin: ORIGIN, 'cf-connecting-ip': `10.99.${i % 250}.${cases++ % 250}` };
          if (!g.anonymous) headers.cookie = cookie;
          if (g.key !== null) headers['idempotency-key'] = g.key;
          let body: string | undefined;
          if (g.body.kind === 'json') {
            body = JSON.stringify(g.body.value);
            headers['content-type'] = 'application/json';
          } else if (g.body.kind === 'text') {
            body = g.body.value;
            headers['content-type'] = g.textAsJson ? 'application/json' : 'text/plain';
          }
          if (method === 'GET' || method === 'HEAD') body = undefined;
          const res = await fetchWorker(urlOf(path, g), { method, headers, body });
          const text = await res.text();
          const where = `${method} ${urlOf(path, g)} ${body?.slice(0, 200) ?? ''} → ${res.status} ${text.slice(0, 300)}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400 && page) {
            // The customer's page answers people, in HTML: a page that says what happened.
            expect(res.headers.get('content-type'), where).toContain('text/html');
            expect(text, where).toMatch(/<html/i);
          } else if (res.status >= 400) {
            expect(res.headers.get('content-type'), where).toContain('application/json');
            const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof parsed.error?.code, where).toBe('string');
            expect(typeof parsed.error?.message === 'string' && parsed.error.message.length > 5, where).toBe(true);
          }
        }),
        { seed: SEED + i, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    expect(cases).toBeGreaterThan(3000);
  }, 600_000);
});
