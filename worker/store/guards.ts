/**
 * SQL guards generated from the domain's lifecycle tables, so that a state rule is written once:
 * `allowedBy(ORDER_LIFECYCLE, 'withdraw', sql`o.status`)` is `o.status in (…the action's states)`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Lifecycle } from '../domain/lifecycle';

/** `column in (…states)`; false for no states. */
export function inStates(column: SQL, states: readonly string[]): SQL {
  if (states.length === 0) return sql`0`;
  return sql`${column} in (${sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** True in SQL exactly when the table lets `action` start from the row's state in `column`. */
export function allowedBy<S extends string, A extends string>(table: Lifecycle<S, A>, action: A, column: SQL): SQL {
  return inStates(column, table[action].from);
}
