/**
 * Per-IP throttling of the routes anyone can call (the customer's link). Counts live in
 * the isolate's memory: cheap (no D1 round trip on every view) and enough to stop a single
 * client from guessing tokens or flooding answers; an isolate restart forgets them, and
 * Cloudflare's own rate-limiting rules in front of the Worker can add a global limit.
 */
import type { MiddlewareHandler } from 'hono';
import { clientIp } from './auth';
import { AppError } from './errors';

interface Window {
  start: number;
  count: number;
}

export function rateLimit(name: string, max: number, windowMs: number): MiddlewareHandler {
  const windows = new Map<string, Window>();
  return async (c, next) => {
    const now = Date.now();
    const key = clientIp(c) ?? 'unknown';
    let w = windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (windows.size > 10_000) windows.clear();
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > max) {
      const retry = Math.ceil((w.start + windowMs - now) / 1000);
      throw new AppError(
        429,
        'too_many_requests',
        { en: `Too many requests. Try again in ${retry} s.`, ru: `Слишком много запросов. Повторите через ${retry} с.` },
        { limit: name, retryAfterSeconds: retry },
        { 'Retry-After': String(retry) },
      );
    }
    await next();
  };
}
