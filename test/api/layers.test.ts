/**
 * The layer rules of ARCHITECTURE.md, checked on the sources' imports:
 *  - domain/ imports nothing of the app but domain/ (pure, shared with the web UI);
 *  - store/ never imports http/ or routes/;
 *  - a route never imports another route (a resource's folder, routes/quotes/, is one route);
 *  - excel/, pdf/, pages/ and mail/ never import http/ or routes/ (they throw no HTTP errors);
 *  - platform/ imports nothing of the app;
 *  - the store works with drizzle's public API: no underscore member (`_prepare()`, `._.`) is touched.
 */
import { describe, expect, it } from 'vitest';

// The sources, read by Vite when the test is built (workerd has no file system of the project).
const sources = import.meta.glob('../../worker/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const uiSources = import.meta.glob('../../web/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** worker-relative path of every app module a file imports, e.g. 'store/db'. */
function importsOf(file: string, text: string): string[] {
  const dir = file.replace('../../worker/', '').split('/').slice(0, -1);
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) continue;
    const parts = [...dir];
    for (const seg of spec.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    out.push(parts.join('/'));
  }
  return out;
}

const files = Object.entries(sources)
  .map(([path, text]) => ({ path: path.replace('../../worker/', ''), imports: importsOf(path, text) }))
  .filter((f) => !f.path.startsWith('excel/vendor/'));

const layer = (path: string) => path.split('/')[0]!;
/** A route's resource: routes/quotes/lines → routes/quotes; routes/orders → routes/orders. */
const resource = (path: string) => {
  const parts = path.replace(/\.ts$/, '').split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/');
};

function offences(rule: (from: string, to: string) => boolean) {
  return files.flatMap((f) => f.imports.filter((to) => rule(f.path, to)).map((to) => `${f.path} → ${to}`));
}

describe('layer rules', () => {
  it('reads the whole worker', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files.some((f) => f.path === 'domain/pricing.ts')).toBe(true);
  });

  it('domain/ imports nothing of the app', () => {
    // (The domain may leave the worker only for the schema's types? No: not even that.)
    expect(offences((from, to) => layer(from) === 'domain' && layer(to) !== 'domain')).toEqual([]);
  });

  it('store/ never imports http/ or routes/', () => {
    expect(offences((from, to) => layer(from) === 'store' && ['http', 'routes'].includes(layer(to)))).toEqual([]);
  });

  it('a route never imports another route', () => {
    expect(offences((from, to) => layer(from) === 'routes' && layer(to) === 'routes' && resource(from) !== resource(to))).toEqual([]);
  });

  it('excel/, pdf/, pages/ and mail/ never import http/ or routes/', () => {
    expect(
      offences((from, to) => ['excel', 'pdf', 'pages', 'mail'].includes(layer(from)) && ['http', 'routes'].includes(layer(to))),
    ).toEqual([]);
  });

  it('platform/ imports nothing of the app', () => {
    expect(offences((from, to) => layer(from) === 'platform' && layer(to) !== 'platform')).toEqual([]);
  });

  it("no source reaches into drizzle's underscore-private members", () => {
    // drizzle marks its internals with a leading underscore (`_prepare()`, `query._.result`); they change without notice.
    const privateUse = /\._[A-Za-z.]|\b_[a-z]\w*\s*[:(]/;
    const offenders = Object.entries(sources)
      .filter(([path, text]) => !path.includes('/excel/vendor/') && privateUse.test(text))
      .map(([path]) => path.replace('../../worker/', ''));
    expect(offenders).toEqual([]);
  });

  it('no file of the Worker or the UI is over 400 lines (generated fonts and the vendored exceljs aside)', () => {
    const all = { ...sources, ...uiSources };
    expect(Object.keys(uiSources).length).toBeGreaterThan(30);
    const long = Object.entries(all)
      .filter(([path]) => !path.includes('/excel/vendor/') && !path.includes('/pdf/fonts/'))
      .map(([path, text]) => [path.replace('../../', ''), text.split('\n').length] as const)
      .filter(([, lines]) => lines > 400)
      .map(([path, lines]) => `${path}: ${lines}`);
    expect(long).toEqual([]);
  });
});
