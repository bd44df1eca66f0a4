/**
 * A lifecycle is one declared table: for each action, the states it may start from and the
 * state it leads to (null: the action changes something else and leaves the state alone).
 * The domain refuses with it, the store's SQL guards are generated from it
 * (store/guards.ts), the routes' errors and the UI's allowed actions read it.
 */

export interface Move<S extends string> {
  readonly from: readonly S[];
  readonly to: S | null;
}

export type Lifecycle<S extends string, A extends string> = { readonly [K in A]: Move<S> };

/** Whether `action` may start from `state`. */
export function may<S extends string, A extends string>(table: Lifecycle<S, A>, action: A, state: S): boolean {
  return table[action].from.includes(state);
}

/** The actions that may start from `state`, in the table's order. */
export function actionsFrom<S extends string, A extends string>(table: Lifecycle<S, A>, state: S): A[] {
  return (Object.keys(table) as A[]).filter((a) => table[a].from.includes(state));
}

/** The action that moves `from` to `to`, if the table has one. */
export function actionBetween<S extends string, A extends string>(table: Lifecycle<S, A>, from: S, to: S): A | null {
  return (Object.keys(table) as A[]).find((a) => table[a].to === to && table[a].from.includes(from)) ?? null;
}
