/** Staff users, their sessions and the failed-login counters. */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { loginAttempts, sessions, users } from '../../schema/tables';
import { batch, type Db } from './db';

export type Role = 'admin' | 'manager' | 'accountant';
export const ROLES: readonly Role[] = ['admin', 'manager', 'accountant'];

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active };

export async function findUserForLogin(db: Db, email: string) {
  return db.query.users.findFirst({ where: eq(users.email, email.toLowerCase()) });
}

export async function listUsers(db: Db) {
  return db.select({ ...publicColumns, createdAt: users.createdAt }).from(users).orderBy(asc(users.email));
}

export async function insertUser(db: Db, u: { email: string; name: string; role: Role; passwordHash: string }) {
  const [row] = await db
    .insert(users)
    .values({ ...u, email: u.email.toLowerCase(), createdAt: new Date().toISOString() })
    .onConflictDoNothing()
    .returning({ ...publicColumns, createdAt: users.createdAt });
  return row ?? null;
}

export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<{ name: string; role: Role; active: boolean; passwordHash: string }>,
) {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) {
    const [row] = await db.select({ ...publicColumns, createdAt: users.createdAt }).from(users).where(eq(users.id, id));
    return row ?? null;
  }
  const [row] = await db
    .update(users)
    .set(changes)
    .where(eq(users.id, id))
    .returning({ ...publicColumns, createdAt: users.createdAt });
  if (row && (patch.active === false || patch.passwordHash || patch.role)) {
    // A deactivated user, a new password or a new role ends the user's sessions.
    await db.delete(sessions).where(eq(sessions.userId, id));
  }
  return row ?? null;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return row?.n ?? 0;
}

export async function createSession(
  db: Db,
  s: { id: string; userId: number; expiresAt: string; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values({ ...s, createdAt: new Date().toISOString() });
}

export async function findSession(db: Db, id: string, nowIso: string): Promise<(StaffUser & { expiresAt: string }) | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, nowIso), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db, nowIso: string) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= ${nowIso}`);
}

/**
 * Login throttling: a key (an email, an IP) is locked for LOCK_MS once it reaches its
 * limit of failures within WINDOW_MS. An IP gets a higher limit: offices share one.
 */
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export async function lockedUntil(db: Db, keys: string[], now: number): Promise<number | null> {
  const rows = await db.select().from(loginAttempts).where(sql`${loginAttempts.key} in ${keys}`);
  let until: number | null = null;
  for (const r of rows) {
    if (!r.lockedUntil) continue;
    const t = Date.parse(r.lockedUntil);
    if (t > now && (until === null || t > until)) until = t;
  }
  return until;
}

/** Counts one failure against each key; the counter restarts once its window has passed. */
export async function recordFailure(db: Db, keys: { key: string; max: number }[], now: number) {
  const nowText = new Date(now).toISOString();
  const windowStartMin = new Date(now - WINDOW_MS).toISOString();
  const lockText = new Date(now + LOCK_MS).toISOString();
  await batch(db, 
    keys.map(({ key, max }) =>
      db
        .insert(loginAttempts)
        .values({ key, failures: 1, windowStart: nowText })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: {
            failures: sql`case when ${loginAttempts.windowStart} < ${windowStartMin} then 1 else ${loginAttempts.failures} + 1 end`,
            windowStart: sql`case when ${loginAttempts.windowStart} < ${windowStartMin} then ${nowText} else ${loginAttempts.windowStart} end`,
            lockedUntil: sql`case when ${loginAttempts.windowStart} >= ${windowStartMin} and ${loginAttempts.failures} + 1 >= ${max} then ${lockText} else ${loginAttempts.lockedUntil} end`,
          },
        }),
    ) as [any, ...any[]],
  );
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
