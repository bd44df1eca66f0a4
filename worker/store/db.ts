/** The drizzle handle over the D1 binding; one per request (it is only a thin wrapper). */
import { drizzle } from 'drizzle-orm/d1';
import * as tables from '../../schema/tables';

export type Db = ReturnType<typeof database>;

export function database(d1: D1Database) {
  return drizzle(d1, { schema: tables });
}

export const nowIso = () => new Date().toISOString();
