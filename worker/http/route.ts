/**
 * Every route is declared through one of these helpers, so that its access rule is both
 * enforced (a middleware that runs before validation) and written into the OpenAPI
 * document (`x-access`, `x-roles`), from which the authorization-matrix test is generated.
 */
import { OpenAPIHono, createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { ErrorBody } from '../../schema/api';
import type { Role } from '../store/users';
import { requireRoles, type AppEnv } from './auth';
import { validationHook } from './validate';

export type Access = 'public' | 'shared' | readonly Role[];

type Declared = Omit<RouteConfig, 'middleware'> & { middleware?: RouteConfig['middleware'] };

/** A route for logged-in staff with one of `roles`. */
export function staffRoute<R extends Declared>(roles: readonly Role[], config: R) {
  const extra = config.middleware ? (Array.isArray(config.middleware) ? config.middleware : [config.middleware]) : [];
  return createRoute({
    ...config,
    middleware: [requireRoles(roles), ...extra] as const,
    security: [{ session: [] }],
    'x-access': 'staff',
    'x-roles': [...roles],
  } as R & { middleware: RouteConfig['middleware'] });
}

/** A route anyone may call (login, the OpenAPI document). */
export function publicRoute<R extends Declared>(config: R) {
  return createRoute({ ...config, 'x-access': 'public' } as R);
}

/** A route for whoever holds a share token (the customer's link). */
export function sharedRoute<R extends Declared>(config: R) {
  return createRoute({ ...config, 'x-access': 'shared' } as R);
}

/** A router whose validation failures become our 400 `validation_failed`. */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
}

/** `responses[n]` entry for a JSON body. */
export function jsonResponse<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** `request.body` for a required JSON body. */
export function jsonBody<T extends z.ZodTypeAny>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}

/** The error answers most routes can give, for the OpenAPI document. */
export const commonErrors = {
  400: jsonResponse(ErrorBody, 'invalid input (validation_failed)'),
  401: jsonResponse(ErrorBody, 'not logged in'),
  403: jsonResponse(ErrorBody, 'wrong role or foreign origin'),
  404: jsonResponse(ErrorBody, 'unknown id'),
} as const;

export const fileResponse = (mediaType: string, description: string) => ({
  content: { [mediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
  description,
});
