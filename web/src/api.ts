/**
 * The one thin fetch wrapper over the HTTP API, typed end to end by the contract
 * (schema/api/contract.ts): `api('GET /api/quotes/{id}', { params: { id } })` is a
 * Promise<QuoteT>. The contract is imported for its types only — no validation code is shipped
 * to the browser. The browser sends Origin itself; the session cookie is HttpOnly and never
 * touched here.
 */
import type { FileRouteKey, JsonRouteKey, RequestOf, ResponseOf, RouteKey } from '../../schema/api/contract';
import { getLang, t } from './i18n';

export type { JsonRouteKey, RequestOf, ResponseOf };
/** The body a route takes, for code that builds one before it calls. */
export type BodyOf<K extends RouteKey> = RequestOf<K> extends { body: infer B } ? B : never;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Called on every 401, so the app can return to the login page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Extra headers a call may send (Idempotency-Key). */
type Options<K extends RouteKey> = RequestOf<K> & { headers?: Record<string, string> };
/** The options are optional only when a route needs none of them. */
type OptionsArg<K extends RouteKey> = object extends Options<K> ? [options?: Options<K>] : [options: Options<K>];

interface Loose {
  params?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The path of `key` with its parameters filled and its query appended. */
function urlOf(path: string, { params = {}, query }: Loose): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

function split(key: string): [method: string, path: string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

/** Calls a JSON route of the contract and answers its typed result; refusals throw ApiError. */
export async function api<K extends JsonRouteKey>(key: K, ...[options]: OptionsArg<K>): Promise<ResponseOf<K>> {
  const [method, path] = split(key);
  const o = (options ?? {}) as Loose;
  // A POST always carries a JSON body, empty when the route takes none (as the API expects).
  const body = o.body ?? (method === 'POST' ? {} : undefined);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': getLang(), ...o.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(urlOf(path, o), {
      method,
      credentials: 'same-origin',
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', t('networkDown'));
  }
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) {
    const error = apiError(res.status, data);
    if (res.status === 401 && key !== 'POST /api/auth/login') for (const l of unauthorizedListeners) l(error);
    throw error;
  }
  // The one cast: the server answers what the contract says (the API tests hold it to that).
  return data as ResponseOf<K>;
}

function apiError(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(status, e?.code ?? 'http_error', e?.message ?? `HTTP ${status}`, e?.details);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Downloads a file route of the contract and saves it under the server's file name. */
export async function download<K extends FileRouteKey>(key: K, options: RequestOf<K>, fallbackName: string): Promise<void> {
  const [, path] = split(key);
  const res = await fetch(urlOf(path, options as Loose), { credentials: 'same-origin', headers: { 'accept-language': getLang() } });
  if (!res.ok) throw apiError(res.status, safeJson(await res.text()));
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? null;
}
