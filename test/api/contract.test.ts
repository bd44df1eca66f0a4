/**
 * The contract the web UI is typed by (schema/api/contract.ts) IS the server's: every entry is a
 * route the app serves, with the very zod objects that route validates its body and query with
 * and documents its answer by; and every route the web calls is in the contract.
 *
 * A schema the routes take from schema/api must be the same object (===). A few routes still
 * declare a small query or answer inline; for those the contract spells the same shape and the
 * comparison goes field by field — down to schema/api's own schemas, which again must be the
 * same objects.
 */
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import * as API from '../../schema/api';
import { CONTRACT, type FileRoute, type JsonRoute } from '../../schema/api/contract';
import { app } from '../../worker/app';

const webSources = import.meta.glob('../../web/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

type Schema = z.ZodType | undefined;
type RouteDef = {
  method: string;
  path: string;
  request?: { params?: z.ZodType; query?: z.ZodType; body?: { content?: Record<string, { schema?: z.ZodType }> } };
  responses: Record<string, { content?: Record<string, { schema?: z.ZodType }> }>;
};

const ROUTES: RouteDef[] = (app.openAPIRegistry.definitions as { type: string; route?: RouteDef }[])
  .filter((d) => d.type === 'route')
  .map((d) => d.route!);

/** schema/api's own schemas, by object: these must be shared, never re-declared. */
const NAMED = new Map<unknown, string>(Object.entries(API).map(([name, value]) => [value, name]));

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/**
 * Whether two schemas are the same: the same object, or — for a schema a route declares inline —
 * the same shape made of the same schema/api objects. Returns what differs, or null.
 */
function sameSchema(a: Schema, b: Schema, at = ''): string | null {
  if (a === b) return null;
  if (!a || !b) return `${at || 'schema'}: ${a ? 'the route has none' : 'the contract has none'}`;
  if (NAMED.has(a) || NAMED.has(b))
    return `${at || 'schema'}: ${NAMED.get(a) ?? 'an inline schema'} ≠ ${NAMED.get(b) ?? 'an inline schema'}`;
  const da = defOf(a);
  const db = defOf(b);
  if (da.type !== db.type) return `${at}: ${da.type} ≠ ${db.type}`;
  switch (da.type) {
    case 'object': {
      const sa = da.shape as Record<string, z.ZodType>;
      const sb = db.shape as Record<string, z.ZodType>;
      const keys = [...new Set([...Object.keys(sa), ...Object.keys(sb)])];
      for (const key of keys) {
        const diff = sameSchema(sa[key], sb[key], `${at}.${key}`);
        if (diff) return diff;
      }
      return sameSchema(da.catchall as Schema, db.catchall as Schema, `${at}(other keys)`);
    }
    case 'array':
      return sameSchema(da.element as z.ZodType, db.element as z.ZodType, `${at}[]`);
    case 'optional':
    case 'nullable':
    case 'readonly':
      return sameSchema(da.innerType as z.ZodType, db.innerType as z.ZodType, at);
    case 'default':
      return JSON.stringify(da.defaultValue) === JSON.stringify(db.defaultValue)
        ? sameSchema(da.innerType as z.ZodType, db.innerType as z.ZodType, at)
        : `${at}: another default`;
    default: {
      // A leaf (string, number, enum, literal…): the same type with the same checks.
      const ja = JSON.stringify(z.toJSONSchema(a, { io: 'input', unrepresentable: 'any' }));
      const jb = JSON.stringify(z.toJSONSchema(b, { io: 'input', unrepresentable: 'any' }));
      return ja === jb ? null : `${at}: ${ja} ≠ ${jb}`;
    }
  }
}

const json = (part?: { content?: Record<string, { schema?: z.ZodType }> }) => part?.content?.['application/json']?.schema;
const pathNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Everything in which an entry differs from the route it names; empty when it is the route's. */
function differences(key: string, entry: JsonRoute | FileRoute): string[] {
  const [method, path] = key.split(' ') as [string, string];
  const route = ROUTES.find((r) => r.method.toUpperCase() === method && r.path === path);
  if (!route) return [`${key}: the app has no such route`];
  const out: string[] = [];
  const check = (what: string, diff: string | null) => diff && out.push(`${key} ${what}: ${diff}`);
  check('body', sameSchema(entry.body as Schema, json(route.request?.body)));
  check('query', sameSchema(entry.query as Schema, route.request?.query));
  const routeParams = route.request?.params;
  if (entry.params || (routeParams && NAMED.has(routeParams))) check('params', sameSchema(entry.params as Schema, routeParams));
  const declared = routeParams ? Object.keys(defOf(routeParams).shape as object).sort() : [];
  if (JSON.stringify(declared) !== JSON.stringify(pathNames(path)))
    out.push(`${key}: path parameters ${pathNames(path)} ≠ the route's ${declared}`);
  const ok = route.responses['200'] ?? route.responses['201'];
  if ('file' in entry) {
    if (!ok?.content?.[entry.file]) out.push(`${key}: the route answers no ${entry.file}`);
  } else {
    check('response', sameSchema(entry.response, json(ok)));
  }
  return out;
}

describe('the API contract of the web UI', () => {
  const entries = Object.entries(CONTRACT) as [string, JsonRoute | FileRoute][];

  it('every entry is a route of the app with the very same schemas', () => {
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.flatMap(([key, entry]) => differences(key, entry))).toEqual([]);
  });

  it('the schemas the routes take from schema/api are the same objects in the contract (===)', () => {
    let identical = 0;
    for (const [key, entry] of entries) {
      const [method, path] = key.split(' ');
      const route = ROUTES.find((r) => r.method.toUpperCase() === method && r.path === path)!;
      const pairs: [Schema, Schema][] = [
        [entry.body as Schema, json(route.request?.body)],
        [entry.query as Schema, route.request?.query],
        ['response' in entry ? entry.response : undefined, json(route.responses['200'] ?? route.responses['201'])],
      ];
      for (const [mine, theirs] of pairs) {
        if (theirs && NAMED.has(theirs)) {
          expect(mine === theirs, `${key}: the route's ${NAMED.get(theirs)}`).toBe(true);
          identical++;
        }
      }
    }
    // Quote, Order, Project… by far most of them.
    expect(identical).toBeGreaterThan(60);
  });

  it('notices an entry that points at another schema than its route', () => {
    expect(differences('GET /api/quotes/{id}', { ...CONTRACT['GET /api/quotes/{id}'], response: API.QuoteList })).toHaveLength(1);
    expect(differences('POST /api/quotes/{id}/send', { ...CONTRACT['POST /api/quotes/{id}/send'], body: API.DuplicateBody })).toHaveLength(
      1,
    );
    expect(differences('GET /api/quotes', { ...CONTRACT['GET /api/quotes'], query: API.CompareQuery })).toHaveLength(1);
    // …an inline shape that drifted from the route's, or that re-declares a shared schema…
    const drifted = z.object({ q: z.string().max(100).optional() });
    expect(differences('GET /api/customers', { ...CONTRACT['GET /api/customers'], query: drifted })).toHaveLength(1);
    expect(differences('GET /api/users', { response: z.array(API.Me) })).toHaveLength(1);
    const copy = z.object({ ...API.VersionBody.shape });
    expect(differences('POST /api/quotes/{id}/send', { ...CONTRACT['POST /api/quotes/{id}/send'], body: copy })).toHaveLength(1);
    // …and a route that is not there.
    expect(differences('GET /api/quotes/{id}/nothing', { response: API.Quote })).toEqual([
      'GET /api/quotes/{id}/nothing: the app has no such route',
    ]);
  });

  it('has an entry for every route the web calls, and the web builds no /api/ path of its own', () => {
    const calls = new Set<string>();
    const strays: string[] = [];
    for (const [file, text] of Object.entries(webSources)) {
      for (const m of text.matchAll(/\b(?:api|download)\(\s*'([^']+)'/g)) calls.add(m[1]!);
      if (file.endsWith('/api.ts')) continue;
      for (const m of text.matchAll(/['"`][^'"`\n]*\/api\/[^'"`\n]*['"`]/g)) {
        if (!/^'(GET|POST|PATCH|DELETE) \/api\//.test(m[0])) strays.push(`${file}: ${m[0]}`);
      }
    }
    expect(calls.size).toBeGreaterThan(50);
    expect([...calls].filter((key) => !(key in CONTRACT))).toEqual([]);
    expect(strays).toEqual([]);
    // …and the contract holds nothing the web does not call.
    expect(Object.keys(CONTRACT).filter((key) => !calls.has(key))).toEqual([]);
  });
});
